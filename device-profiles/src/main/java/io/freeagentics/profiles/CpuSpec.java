package io.freeagentics.profiles;

/**
 * The processor the runtime sees.
 *
 * @param cores       CPU cores available to the JVM
 * @param arch        instruction set as the JVM names it ({@code aarch64}, {@code arm}, {@code amd64})
 * @param description core type and clock, for people
 */
public record CpuSpec(int cores, String arch, String description) {
    public CpuSpec {
        Checks.atLeast(cores, 1, "cores");
        Checks.notBlank(arch, "arch");
        Checks.notBlank(description, "description");
    }
}

/** Facts about the running JVM that decide how the engines compute (optimising compiler, FMA, Vector API). */
package io.freeagentics.jvm;

package io.freeagentics.cloud.mqttauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MosquittoPasswordHashTest {

  @Test
  void matchesALineWrittenByMosquittoPasswd() {
    // `mosquitto_passwd -H sha512-pbkdf2 -c -b pw dev1 secret` (mosquitto 2.0.11) wrote this line.
    String line = "dev1:$7$101$5fs4MZwsPxpWuESK$sE2F68XholViSh1sNCqzg+9mytLOmH4XyU9WycFl/L4CHGDqNDwpSnFJEWwWweAaNq+"
        + "pbmWeVanAVmpJG3VRUg==";
    byte[] salt = Base64.getDecoder().decode("5fs4MZwsPxpWuESK");

    assertThat("dev1:" + MosquittoPasswordHash.hash("secret", salt, 101)).isEqualTo(line);
  }

  @Test
  void freshHashHasMosquittosShapeAndARandomSalt() {
    MosquittoPasswordHash hasher = new MosquittoPasswordHash(new SecureRandom(), 1_000);
    String first = hasher.hash("pw");
    String second = hasher.hash("pw");

    String[] parts = first.split("\\$");
    assertThat(parts).hasSize(5);
    assertThat(parts[1]).isEqualTo("7");
    assertThat(parts[2]).isEqualTo("1000");
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(MosquittoPasswordHash.SALT_BYTES);
    assertThat(Base64.getDecoder().decode(parts[4])).hasSize(MosquittoPasswordHash.HASH_BYTES);
    assertThat(second).as("a new salt per hash").isNotEqualTo(first);
    assertThat(MosquittoPasswordHash.hash("pw", Base64.getDecoder().decode(parts[3]), 1_000)).isEqualTo(first);
  }

  @Test
  void nonAsciiPasswordsAreHashedAsUtf8() {
    byte[] salt = new byte[12];
    assertThat(MosquittoPasswordHash.hash("pässwört", salt, 1))
        .isNotEqualTo(MosquittoPasswordHash.hash("p?ssw?rt", salt, 1));
  }

  @Test
  void iterationsOutOfRangeAreRejected() {
    assertThatThrownBy(() -> new MosquittoPasswordHash(new SecureRandom(), 0))
        .hasMessage("iterations must be in 1..10000000, got 0");
  }
}

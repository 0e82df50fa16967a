/** Implementation of the Mosquitto files: the {@code $7$} password hash, the ACL text, atomic file writes. */
package io.freeagentics.cloud.mqttauth.internal;

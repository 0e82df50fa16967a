/**
 * Per-device MQTT credentials for Mosquitto: a password file in Mosquitto 2's {@code $7$} format (PBKDF2-SHA512)
 * and an ACL file so that device D of fleet F may publish only to its own up-link topics
 * {@code fa/v1/F/D/{beliefs,telemetry,presence,command-ack,events}} and receive only its own down-links
 * {@code fa/v1/F/D/{command,ack}}, while the cloud's ingest user reads every up-link (shared subscriptions
 * {@code $share/GROUP/fa/v1/+/+/#}) and writes every down-link. Entry point: {@link
 * io.freeagentics.cloud.mqttauth.MosquittoAuthFiles}; docs/mqtt-broker.md, "Per-device credentials".
 */
package io.freeagentics.cloud.mqttauth;

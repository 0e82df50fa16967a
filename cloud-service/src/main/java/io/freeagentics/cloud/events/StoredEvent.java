package io.freeagentics.cloud.events;

/**
 * One event of a device as stored.
 *
 * @param sequence the device's sequence number of the message (its outbox row id): increases with time on a device
 * @param kind what happened ({@code error}, {@code stopped}, ...)
 * @param edgeMillis the device's clock when it happened (epoch milliseconds)
 * @param storedMillis the cloud's clock when it was stored
 * @param body the device's JSON record of it
 */
public record StoredEvent(String fleet, String device, long sequence, String kind, long edgeMillis,
    long storedMillis, String body) {}

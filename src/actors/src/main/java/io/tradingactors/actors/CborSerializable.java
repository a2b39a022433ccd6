package io.tradingactors.actors;

/** Marker for messages that cross the cluster as Jackson CBOR (bound in hocon/trading-actors.conf). */
public interface CborSerializable {}

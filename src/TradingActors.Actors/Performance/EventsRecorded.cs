namespace TradingActors.Actors.Performance;

/// <summary>
/// The answer to a write once it is durable: how many events were recorded, how many were already there (retries),
/// and the journal sequence number the strategy stands at after it (what a read-your-writes query waits for).
/// </summary>
public sealed record EventsRecorded(int Recorded, int AlreadyRecorded, long SequenceNr);

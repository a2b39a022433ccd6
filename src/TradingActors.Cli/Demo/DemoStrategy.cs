namespace TradingActors.Cli.Demo;

/// <summary>
/// A simulated strategy of the demo: its symbol, how often it wins, and the size of its wins and losses. Its draws
/// come from its own seeded generator, so a demo run is the same sequence every time.
/// </summary>
internal sealed class DemoStrategy(string id, string symbol, double price, double winRate, double win, double loss, int seed)
{
    private readonly Random _random = new(seed);

    public string Id => id;

    public string Symbol => symbol;

    public double Price { get; private set; } = price;

    public double Balance { get; private set; } = 10_000;

    public int Trades { get; private set; }

    /// <summary>The next closed trade's pnl at full size, before the risk manager's exposure scales it.</summary>
    public double NextPnl() => _random.NextDouble() < winRate
        ? win * (0.5 + _random.NextDouble())
        : -loss * (0.5 + _random.NextDouble());

    public bool NextIsLong() => _random.NextDouble() < 0.6;

    public void Closed(double pnl, double exitPrice)
    {
        Balance += pnl;
        Price = exitPrice;
        Trades++;
    }
}

using System.Globalization;

namespace TradingActors.Api.Tests;

/// <summary>Request bodies as an engine writes them: JSON text, snake_case keys.</summary>
public static class Bodies
{
    private static int _ids;

    /// <summary>A strategy id no other test uses: <c>{prefix}-{n}</c>.</summary>
    public static string FreshId(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Interlocked.Increment(ref _ids)}");

    /// <summary>A closed trade on 2025-03-01, 10:00 to 12:00 UTC.</summary>
    public static string Trade(string tradeId, double pnl, double quantity = 1.0) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"trade_id":"{{tradeId}}","symbol":"BTCUSDT","side":"long","entry_time":"2025-03-01T10:00:00Z","exit_time":"2025-03-01T12:00:00Z","entry_price":100.0,"exit_price":110.0,"quantity":{{quantity:0.0###}},"pnl":{{pnl:0.0###}},"fees":0.5,"slippage":0.25}""");

    public static string Balance(string time, double balance) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"time":"{{time}}","balance":{{balance:0.0###}}}""");

    public static string Array(params string[] elements) => "[" + string.Join(",", elements) + "]";

    // The story of docs/api.md: strategy trend-1's trades and balances.
    public const string StoryT1 = """
        {"trade_id": "T-1", "symbol": "BTCUSDT", "side": "long",
         "entry_time": "2025-03-03T09:00:00Z", "exit_time": "2025-03-03T13:30:00Z",
         "entry_price": 86000.0, "exit_price": 87600.0, "quantity": 0.1,
         "pnl": 150.0, "fees": 6.5, "slippage": 3.5, "risk_reward": 2.0}
        """;

    public const string StoryLosses = """
        [{"trade_id": "T-2", "symbol": "ETHUSDT", "side": "short",
          "entry_time": "2025-03-03T14:00:00Z", "exit_time": "2025-03-03T18:45:00Z",
          "entry_price": 2150.0, "exit_price": 2180.0, "quantity": 2.5,
          "pnl": -80.0, "fees": 3.8, "slippage": 1.2, "risk_reward": 1.5},
         {"trade_id": "T-3", "symbol": "BTCUSDT", "side": "long",
          "entry_time": "2025-03-04T08:00:00Z", "exit_time": "2025-03-04T11:20:00Z",
          "entry_price": 87000.0, "exit_price": 86200.0, "quantity": 0.09,
          "pnl": -80.0, "fees": 6.0, "slippage": 2.0, "risk_reward": 2.0},
         {"trade_id": "T-4", "symbol": "SOLUSDT", "side": "long",
          "entry_time": 1741089600000, "exit_time": 1741101000000,
          "entry_price": 140.0, "exit_price": 137.5, "quantity": 30.0,
          "pnl": -80.0, "fees": 2.8, "slippage": 2.2}]
        """;

    public const string StoryFirstBalance = """{"time": "2025-03-03T00:00:00Z", "balance": 10000.0}""";

    public const string StoryBalances = """
        [{"time": "2025-03-03T13:30:00Z", "balance": 10150.0},
         {"time": "2025-03-03T18:45:00Z", "balance": 10070.0},
         {"time": "2025-03-04T11:20:00Z", "balance": 9990.0},
         {"time": 1741101000000, "balance": 9910.0}]
        """;
}

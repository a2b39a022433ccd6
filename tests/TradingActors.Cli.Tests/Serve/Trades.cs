using System.Globalization;
using System.Text;

namespace TradingActors.Cli.Tests.Serve;

/// <summary>Request bodies for the serve tests.</summary>
internal static class Trades
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Trade number <paramref name="n"/>: one minute apart; every third loses.</summary>
    public static StringContent One(string tradeId, int n)
    {
        var exit = Start.AddMinutes(n);
        var pnl = n % 3 == 2 ? -40.0 : 25.0;
        var json = string.Create(CultureInfo.InvariantCulture,
            $$"""{"trade_id":"{{tradeId}}","symbol":"BTCUSDT","side":"long","entry_time":"{{exit.AddSeconds(-30):O}}","exit_time":"{{exit:O}}","entry_price":100.0,"exit_price":101.0,"quantity":1.0,"pnl":{{pnl}},"fees":0.5,"slippage":0.1}""");
        return new StringContent(json, Encoding.UTF8, "application/json");
    }
}

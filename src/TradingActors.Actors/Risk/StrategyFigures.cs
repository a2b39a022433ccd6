using TradingActors.Actors.Performance;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Risk;

/// <summary>
/// What a strategy tells its risk manager after every persisted batch: the figures of that batch's
/// <see cref="Domain.MetricsSnapshot"/> that the risk rules read (the same numbers the snapshot carries:
/// <see cref="RiskInputsOf.State"/> equals <see cref="RiskInputsOf.Snapshot"/>), at its journal sequence number.
/// </summary>
public sealed record StrategyFigures(string StrategyId, RiskInputs Figures) : IStrategyMessage;

namespace TradingActors.Domain.Risk;

/// <summary>
/// A risk policy that cannot be used, with every problem named by its configuration key
/// (<c>drawdown.ladder[1].exposure: 0.6 is not below the previous rung's 0.5 …</c>). The message is
/// <c>invalid risk policy: </c> followed by every problem, separated by <c>"; "</c>. A node refuses to start with one,
/// and the CLI exits 2 with its message.
/// </summary>
public sealed class RiskPolicyException : ArgumentException
{
    /// <summary>A policy with <paramref name="problems"/>, each as "key: what is wrong".</summary>
    public RiskPolicyException(IEnumerable<string> problems)
        : this([.. problems ?? throw new ArgumentNullException(nameof(problems))])
    {
    }

    /// <summary>A policy with one <paramref name="problem"/>, as "key: what is wrong".</summary>
    public RiskPolicyException(string problem)
        : this([problem])
    {
    }

    /// <summary>A policy with one <paramref name="problem"/> whose cause is
    /// <paramref name="innerException"/>.</summary>
    public RiskPolicyException(string problem, Exception innerException)
        : base(Describe([problem]), innerException)
    {
        Problems = [problem];
    }

    /// <summary>Needed by the exception pattern; a policy exception always names at least one problem.</summary>
    public RiskPolicyException()
        : this("risk policy: invalid")
    {
    }

    private RiskPolicyException(string[] problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem as "key: what is wrong", in the order they were found.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The same problems with <paramref name="prefix"/> in front of every key, e.g. the path of the policy
    /// in its file (<c>trading-actors.risk.default.</c>).</summary>
    public RiskPolicyException Prefixed(string prefix) => new(Problems.Select(p => prefix + p));

    private static string Describe(IReadOnlyCollection<string> problems) =>
        "invalid risk policy: " + string.Join("; ", problems);
}

using System.Globalization;

namespace TradingActors.Testing;

/// <summary>
/// Finds the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) the way Debian installs them,
/// one directory per major version under <see cref="DefaultRoot"/>, and words the failure when there are none.
/// </summary>
public static class PostgresBinaries
{
    /// <summary>
    /// Where Debian's <c>postgresql-NN</c> packages put their programs: <c>/usr/lib/postgresql/NN/bin</c>.
    /// </summary>
    public const string DefaultRoot = "/usr/lib/postgresql";

    /// <summary>The major version the journal is built and measured on (DESIGN §7); chosen when installed.</summary>
    public const int PreferredMajor = 15;

    /// <summary>
    /// The <c>bin</c> directory to run: <c>{root}/15/bin</c> when it holds <c>initdb</c>, <c>pg_ctl</c> and
    /// <c>postgres</c>; otherwise the newest numeric major under <paramref name="root"/> that holds all three;
    /// <see langword="null"/> when none does (or <paramref name="root"/> does not exist).
    /// </summary>
    public static string? FindBinDirectory(string root = DefaultRoot)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root))
        {
            return null;
        }

        var preferred = Path.Combine(root, PreferredMajor.ToString(CultureInfo.InvariantCulture), "bin");
        if (HasServerPrograms(preferred))
        {
            return preferred;
        }

        return Directory.EnumerateDirectories(root)
            .Select(dir => (dir, major: int.TryParse(Path.GetFileName(dir), NumberStyles.None,
                CultureInfo.InvariantCulture, out var major) ? major : -1))
            .Where(candidate => candidate.major >= 0)
            .OrderByDescending(candidate => candidate.major)
            .Select(candidate => Path.Combine(candidate.dir, "bin"))
            .FirstOrDefault(HasServerPrograms);
    }

    /// <summary>
    /// The message a test fails with when no server programs were found under <paramref name="root"/> and
    /// <see cref="PostgresServer.ExternalServerVariable"/> is unset: what was looked for, and the two ways out
    /// (install Debian's <c>postgresql</c> package as root, or point the tests at an existing server).
    /// </summary>
    public static string MissingMessage(string root = DefaultRoot)
    {
        ArgumentNullException.ThrowIfNull(root);
        return
            $"PostgreSQL tests need a server, and there is none: no initdb, pg_ctl and postgres under {root}/*/bin " +
            $"and {PostgresServer.ExternalServerVariable} is not set. Either install PostgreSQL, as root: " +
            "'apt-get update && apt-get install -y postgresql' (bin/test does this itself when run as root; " +
            "the tests start their own throwaway server, not the Debian service), or set " +
            $"{PostgresServer.ExternalServerVariable} to an Npgsql connection string of an existing server whose " +
            "user may CREATE DATABASE, e.g. " +
            $"{PostgresServer.ExternalServerVariable}='Host=127.0.0.1;Port=5432;Username=postgres;Password=secret'.";
    }

    /// <summary>Whether <paramref name="bin"/> holds the three programs a throwaway cluster needs.</summary>
    private static bool HasServerPrograms(string bin) =>
        File.Exists(Path.Combine(bin, "initdb"))
        && File.Exists(Path.Combine(bin, "pg_ctl"))
        && File.Exists(Path.Combine(bin, "postgres"));
}

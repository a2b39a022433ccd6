using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace TradingActors.Testing;

/// <summary>
/// A PostgreSQL server for tests: either a throwaway cluster this process created (<see cref="StartNewAsync"/>: a
/// temporary directory, <c>initdb -A trust</c>, <c>pg_ctl</c>, a free port on 127.0.0.1, run as the <c>postgres</c>
/// OS user through <c>runuser</c> when the process is root) or an existing server named by
/// <see cref="ExternalServerVariable"/> (<see cref="UseExistingAsync"/>). Tests get their own database on it with
/// <see cref="CreateDatabaseAsync"/>; most use <see cref="PostgresDatabaseFixture"/>, which does that on
/// <see cref="GetSharedAsync"/>, the one server of the test process.
/// </summary>
/// <remarks>
/// A cluster this process created is removed (stopped with <c>pg_ctl stop -m immediate</c>, directory deleted) when
/// disposed, when the process exits (<see cref="AppDomain.ProcessExit"/>), and, should the process die without
/// running its exit handlers (killed, crashed), by a detached watchdog shell that polls the process once a second.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>
    /// The environment variable that points the tests at an existing server instead of a throwaway cluster: an Npgsql
    /// connection string (<c>Host=…;Port=…;Username=…;Password=…</c>) whose user may CREATE DATABASE. Its
    /// <c>Database</c>, if given, is the one connected to for CREATE/DROP DATABASE (default <c>postgres</c>).
    /// </summary>
    public const string ExternalServerVariable = "TRADING_ACTORS_TEST_PG";

    /// <summary>The OS user a cluster runs as when this process is root (initdb and postgres refuse root).</summary>
    public const string OsUser = "postgres";

    private const string Loopback = "127.0.0.1";
    private static readonly TimeSpan ExitStopTimeout = TimeSpan.FromSeconds(20);
    private static readonly Lazy<Task<PostgresServer>> Shared =
        new(CreateSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock LiveGate = new();
    private static readonly HashSet<PostgresServer> Live = [];
    private static bool exitHookInstalled;
    private static int databaseCounter;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly NpgsqlConnectionStringBuilder _maintenance;
    private readonly Cluster? _cluster;
    private bool _running;
    private bool _disposed;
    private bool _shared;

    private PostgresServer(NpgsqlConnectionStringBuilder maintenance, Cluster? cluster)
    {
        _maintenance = maintenance;
        _cluster = cluster;
        _running = true;
    }

    /// <summary>
    /// The connection string of the maintenance database (<c>postgres</c>, or the one named in
    /// <see cref="ExternalServerVariable"/>). Tests should not put tables there: use
    /// <see cref="CreateDatabaseAsync"/>.
    /// </summary>
    public string ConnectionString => _maintenance.ConnectionString;

    /// <summary>The server's host (<c>127.0.0.1</c> for a throwaway cluster).</summary>
    public string Host => _maintenance.Host ?? Loopback;

    /// <summary>
    /// The server's TCP port; a throwaway cluster keeps it across <see cref="StopAsync"/> and <see cref="StartAsync"/>.
    /// </summary>
    public int Port => _maintenance.Port;

    /// <summary>Whether this is an existing server (<see cref="UseExistingAsync"/>): never stopped.</summary>
    public bool IsExternal => _cluster is null;

    /// <summary>The data directory, kept across stop and start; <see langword="null"/> when external.</summary>
    public string? DataDirectory => _cluster?.DataDirectory;

    /// <summary>Whether the server accepts connections, as far as this object knows (not after a stop).</summary>
    public bool IsRunning => _running;

    /// <summary>
    /// The server shared by every test of this process, made on first use: the server of
    /// <see cref="ExternalServerVariable"/> when it is set, else a throwaway, non-durable cluster
    /// (<see cref="PostgresServerOptions.Durable"/> false). Never stop it (other test classes run on it at the same
    /// time) — start a server of your own for outage tests; disposing it does nothing, process exit removes it.
    /// When neither PostgreSQL programs nor the variable are there, the task fails with
    /// <see cref="PostgresBinaries.MissingMessage"/> — every time it is awaited, so every test that needs it fails.
    /// </summary>
    public static Task<PostgresServer> GetSharedAsync() => Shared.Value;

    /// <summary>
    /// Creates and starts a throwaway cluster owned by the caller, who disposes it (which stops it and deletes its
    /// directory). Fails with <see cref="PostgresBinaries.MissingMessage"/> when no server programs are found under
    /// <see cref="PostgresServerOptions.BinariesRoot"/>; with the program's output (and the server log) when
    /// <c>initdb</c> or <c>pg_ctl</c> fails.
    /// </summary>
    public static async Task<PostgresServer> StartNewAsync(
        PostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresServerOptions();
        var bin = PostgresBinaries.FindBinDirectory(options.BinariesRoot)
            ?? throw new InvalidOperationException(PostgresBinaries.MissingMessage(options.BinariesRoot));
        var cluster = await Cluster.CreateAsync(bin, options.Durable, cancellationToken).ConfigureAwait(false);
        var server = new PostgresServer(Maintenance(cluster.Port), cluster);
        Register(server);
        try
        {
            await cluster.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeCoreAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>
    /// Uses an existing server (not owned: never stopped, never removed). Connects once to check
    /// <paramref name="connectionString"/>, failing with the server's answer (password left out) when it cannot.
    /// </summary>
    public static async Task<PostgresServer> UseExistingAsync(
        string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        try
        {
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Could not connect to the PostgreSQL server '{Describe(builder)}': {e.Message}", e);
        }

        return new PostgresServer(builder, cluster: null);
    }

    /// <summary>
    /// Creates an empty database named <paramref name="prefix"/> (lower-cased, characters other than letters, digits
    /// and '_' replaced by '_', cut to 40) plus a suffix unique across processes, and returns the Npgsql connection
    /// string to it (<c>Host=127.0.0.1;Port=…;Database=…;Username=postgres;…</c> for a throwaway cluster).
    /// No other call ever returns the same database, so tests that each use their own never see each other's rows.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var name = DatabaseName(prefix);
        // FILE_COPY (PostgreSQL 15+) copies template1 by files after a checkpoint: twice as fast as the default
        // WAL_LOG here when fsync is off; with fsync on, the checkpoints make it the slower one.
        await ExecuteAsync(
            version => $"CREATE DATABASE {QuoteIdentifier(name)}"
                + (version.Major >= 15 && _cluster is { Durable: false } ? " STRATEGY = FILE_COPY" : ""),
            cancellationToken).ConfigureAwait(false);
        return new NpgsqlConnectionStringBuilder(_maintenance.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops the database of <paramref name="connectionString"/> (made by <see cref="CreateDatabaseAsync"/>) if it
    /// exists, closing its pooled connections first and any other session with <c>WITH (FORCE)</c>.
    /// </summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(database) || database == _maintenance.Database)
        {
            throw new ArgumentException("names no database of its own to drop", nameof(connectionString));
        }

        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(_ => $"DROP DATABASE IF EXISTS {QuoteIdentifier(database)} WITH (FORCE)", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Stops a throwaway cluster the way a crash would (<c>pg_ctl stop -m immediate</c>), keeping its directory and
    /// port for <see cref="StartAsync"/>. Acknowledged commits survive only on a
    /// <see cref="PostgresServerOptions.Durable"/> cluster. Connections open or pooled before the stop are dead:
    /// the first use of each fails, as in a real outage (<c>NpgsqlConnection.ClearAllPools()</c> drops idle ones).
    /// Throws <see cref="InvalidOperationException"/> on an external server; does nothing when already stopped.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var cluster = OwnedCluster();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running)
            {
                await cluster.StopAsync(cancellationToken).ConfigureAwait(false);
                _running = false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts a stopped throwaway cluster again on the same data directory and port (running crash recovery after
    /// <see cref="StopAsync"/>); returns once it accepts connections. Does nothing when running; throws
    /// <see cref="InvalidOperationException"/> on an external server or when the server does not come up.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var cluster = OwnedCluster();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_running)
            {
                await cluster.StartAsync(cancellationToken).ConfigureAwait(false);
                _running = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Removes a throwaway cluster (immediate stop, directory deleted). Does nothing for an external server and for
    /// the <see cref="GetSharedAsync"/> server, which lives until the process exits. Safe to call twice.
    /// </summary>
    public ValueTask DisposeAsync() => _shared ? ValueTask.CompletedTask : DisposeCoreAsync();

    /// <summary>A name for a database: the sanitized prefix, a process-wide counter and a random suffix.</summary>
    internal static string DatabaseName(string prefix)
    {
        var clean = new StringBuilder(prefix.Length);
        foreach (var c in prefix.ToLowerInvariant())
        {
            clean.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        var head = clean.Length == 0 || clean[0] is not (>= 'a' and <= 'z') ? "t_" + clean : clean.ToString();
        head = head.Length > 40 ? head[..40] : head;
        var n = Interlocked.Increment(ref databaseCounter);
        var random = Guid.NewGuid().ToString("N")[..8];
        return string.Create(CultureInfo.InvariantCulture, $"{head}_{n}_{random}");
    }

    private static async Task<PostgresServer> CreateSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        PostgresServer server;
        if (string.IsNullOrWhiteSpace(external))
        {
            server = await StartNewAsync().ConfigureAwait(false);
        }
        else
        {
            try
            {
                server = await UseExistingAsync(external).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                throw new InvalidOperationException($"{ExternalServerVariable}: {e.Message}", e);
            }
        }

        server._shared = true;
        return server;
    }

    private static NpgsqlConnectionStringBuilder Maintenance(int port) => new()
    {
        Host = Loopback,
        Port = port,
        Database = "postgres",
        Username = OsUser,
        IncludeErrorDetail = true,
    };

    private static string Describe(NpgsqlConnectionStringBuilder builder) =>
        new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Password = null }.ConnectionString;

    private static string QuoteIdentifier(string name) =>
        "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Register(PostgresServer server)
    {
        lock (LiveGate)
        {
            Live.Add(server);
            if (!exitHookInstalled)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAllOnExit();
                exitHookInstalled = true;
            }
        }
    }

    private static void RemoveAllOnExit()
    {
        PostgresServer[] servers;
        lock (LiveGate)
        {
            servers = [.. Live];
            Live.Clear();
        }

        foreach (var server in servers)
        {
            server._disposed = true;
            server._cluster?.RemoveNow(ExitStopTimeout);
        }
    }

    private async ValueTask DisposeCoreAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _running = false;
            lock (LiveGate)
            {
                Live.Remove(this);
            }

            if (_cluster is not null)
            {
                await _cluster.RemoveAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private Cluster OwnedCluster() => _cluster ?? throw new InvalidOperationException(
        $"This is an existing server ({ExternalServerVariable}), which the tests do not stop or start; " +
        "a test that needs an outage starts a server of its own with PostgresServer.StartNewAsync.");

    /// <summary>Runs what <paramref name="sql"/> makes of the server's version on the maintenance database.</summary>
    private async Task ExecuteAsync(Func<Version, string> sql, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_maintenance.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand(sql(connection.PostgreSqlVersion), connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A cluster on disk: <c>{Base}/data</c> (the data directory), <c>{Base}/postgres.log</c>; <see cref="Base"/> is
    /// owned by <see cref="OsUser"/> when the process is root.
    /// </summary>
    private sealed class Cluster
    {
        private const int PortAttempts = 5;
        private static readonly string[] RunuserPaths = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"];

        private readonly string _bin;
        private readonly string? _runuser;

        private Cluster(string bin, string baseDirectory, string? runuser, bool durable)
        {
            _bin = bin;
            Durable = durable;
            Base = baseDirectory;
            _runuser = runuser;
            DataDirectory = Path.Combine(baseDirectory, "data");
            LogFile = Path.Combine(baseDirectory, "postgres.log");
        }

        public string Base { get; }

        public bool Durable { get; }

        public string DataDirectory { get; }

        public string LogFile { get; }

        public int Port { get; private set; }

        /// <summary>Makes the directory, the watchdog and the cluster (<c>initdb</c>, settings); not started.</summary>
        public static async Task<Cluster> CreateAsync(string bin, bool durable, CancellationToken cancellationToken)
        {
            string? runuser = null;
            if (Environment.IsPrivilegedProcess)
            {
                runuser = RunuserPaths.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
                    $"Running as root, PostgreSQL must run as the '{OsUser}' OS user through runuser, which is " +
                    "missing (Debian's util-linux package has it).");
                await CheckOsUserAsync(cancellationToken).ConfigureAwait(false);
            }

            var baseDirectory = Directory.CreateTempSubdirectory("trading-actors-pg-").FullName;
            var cluster = new Cluster(bin, baseDirectory, runuser, durable) { Port = FreePort() };
            try
            {
                if (runuser is not null)
                {
                    await cluster.RunCheckedAsync(
                        "chown", [$"{OsUser}:", baseDirectory], asOsUser: false, cancellationToken)
                        .ConfigureAwait(false);
                }

                await cluster.StartWatchdogAsync(cancellationToken).ConfigureAwait(false);
                string[] initdb =
                [
                    "-D", cluster.DataDirectory, "-A", "trust", "-U", OsUser, "-E", "UTF8", "--no-locale",
                    "--no-instructions", .. durable ? Array.Empty<string>() : ["--no-sync"],
                ];

                await cluster.RunCheckedAsync(Path.Combine(bin, "initdb"), initdb, asOsUser: true, cancellationToken)
                    .ConfigureAwait(false);
                await File.AppendAllTextAsync(
                    Path.Combine(cluster.DataDirectory, "postgresql.conf"), Settings(durable), cancellationToken)
                    .ConfigureAwait(false);
                return cluster;
            }
            catch
            {
                TryDelete(baseDirectory);
                throw;
            }
        }

        /// <summary>
        /// <c>pg_ctl start -w</c> on <see cref="Port"/>; on the first start, a port taken since it was chosen is
        /// replaced by another free one (up to <see cref="PortAttempts"/> times). Later starts keep the port.
        /// </summary>
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var firstStart = !File.Exists(LogFile);
            for (var attempt = 1; ; attempt++)
            {
                var logLength = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
                var result = await RunAsync(
                    Path.Combine(_bin, "pg_ctl"),
                    ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-s",
                        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}"],
                    asOsUser: true, cancellationToken).ConfigureAwait(false);
                if (result.ExitCode == 0)
                {
                    return;
                }

                var log = LogSince(logLength);
                if (firstStart && attempt < PortAttempts
                    && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                {
                    Port = FreePort();
                    continue;
                }

                throw new InvalidOperationException(
                    $"pg_ctl start failed (exit {result.ExitCode}) for {DataDirectory} on port {Port}: " +
                    $"{result.Printed}{Environment.NewLine}Server log:{Environment.NewLine}{log}");
            }
        }

        /// <summary><c>pg_ctl stop -m immediate -w</c>: a crash-like stop.</summary>
        public Task StopAsync(CancellationToken cancellationToken) =>
            RunCheckedAsync(Path.Combine(_bin, "pg_ctl"), StopArguments(), asOsUser: true, cancellationToken);

        /// <summary>Stops the server if it runs and deletes <see cref="Base"/>, whatever the stop said.</summary>
        public async Task RemoveAsync()
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                using var timeout = new CancellationTokenSource(ExitStopTimeout);
                try
                {
                    await StopAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
                {
                    KillPostmaster();
                }
            }

            TryDelete(Base);
        }

        /// <summary>The synchronous <see cref="RemoveAsync"/> for <see cref="AppDomain.ProcessExit"/>.</summary>
        public void RemoveNow(TimeSpan timeout)
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                var (file, arguments) = Command(Path.Combine(_bin, "pg_ctl"), StopArguments(), asOsUser: true);
                var result = ProcessRunner.Run(file, arguments, Base, timeout);
                if (result is not { ExitCode: 0 })
                {
                    KillPostmaster();
                }
            }

            TryDelete(Base);
        }

        private static string Settings(bool durable)
        {
            var settings = new StringBuilder()
                .AppendLine()
                .AppendLine("# TradingActors.Testing: a throwaway cluster for tests")
                .AppendLine($"listen_addresses = '{Loopback}'")
                .AppendLine("unix_socket_directories = ''")
                .AppendLine("max_connections = 300")
                .AppendLine("log_min_messages = warning");
            if (!durable)
            {
                settings
                    .AppendLine("fsync = off")
                    .AppendLine("synchronous_commit = off")
                    .AppendLine("full_page_writes = off");
            }

            return settings.ToString();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static async Task CheckOsUserAsync(CancellationToken cancellationToken)
        {
            var result = await ProcessRunner.RunAsync("id", ["-u", OsUser], "/", cancellationToken)
                .ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"Running as root, PostgreSQL must run as the '{OsUser}' OS user, which does not exist " +
                    $"({result.Printed}). Debian's postgresql package creates it: 'apt-get install -y postgresql', " +
                    $"or set {ExternalServerVariable}.");
            }
        }

        private static void TryDelete(string directory)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private string[] StopArguments() => ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60", "-s"];

        /// <summary>
        /// A detached shell (<c>setsid -f</c>, so killing this process's tree leaves it alone) that waits for this
        /// process to end while <see cref="Base"/> exists, then stops the cluster and deletes the directory. Normal
        /// removal deletes the directory first, which ends the watchdog within a second. Best effort: without
        /// <c>setsid</c> there is no watchdog, and the exit handler alone cleans up.
        /// </summary>
        private async Task StartWatchdogAsync(CancellationToken cancellationToken)
        {
            const string Setsid = "/usr/bin/setsid";
            if (!File.Exists(Setsid))
            {
                return;
            }

            const string Script = """
                exec </dev/null >/dev/null 2>&1
                owner=$1 base=$2
                shift 2
                while kill -0 "$owner" && [ -d "$base" ]; do sleep 1; done
                [ -d "$base" ] || exit 0
                "$@"
                rm -rf "$base"
                """;
            var (file, stop) = Command(Path.Combine(_bin, "pg_ctl"), StopArguments(), asOsUser: true);
            string[] arguments =
            [
                "-f", "sh", "-c", Script, "trading-actors-pg-watchdog",
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Base, file, .. stop,
            ];
            await ProcessRunner.RunAsync(Setsid, arguments, "/", cancellationToken).ConfigureAwait(false);
        }

        private void KillPostmaster()
        {
            try
            {
                var pidLine = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
                if (int.TryParse(pidLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    using var postmaster = System.Diagnostics.Process.GetProcessById(pid);
                    postmaster.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException
                or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to kill: nothing more to do.
            }
        }

        private string LogSince(long offset)
        {
            if (!File.Exists(LogFile))
            {
                return "(no log)";
            }

            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Trim();
        }

        private (string File, string[] Arguments) Command(string program, string[] arguments, bool asOsUser) =>
            asOsUser && _runuser is not null
                ? (_runuser, ["-u", OsUser, "--", program, .. arguments])
                : (program, arguments);

        private Task<ProcessResult> RunAsync(
            string program, string[] arguments, bool asOsUser, CancellationToken cancellationToken)
        {
            var (file, args) = Command(program, arguments, asOsUser);
            return ProcessRunner.RunAsync(file, args, Base, cancellationToken);
        }

        private async Task RunCheckedAsync(
            string program, string[] arguments, bool asOsUser, CancellationToken cancellationToken)
        {
            var result = await RunAsync(program, arguments, asOsUser, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed (exit {result.ExitCode}): " +
                    result.Printed);
            }
        }
    }
}

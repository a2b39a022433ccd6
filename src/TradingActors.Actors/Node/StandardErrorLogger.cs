using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace TradingActors.Actors.Node;

/// <summary>
/// Akka's log on stderr, so that a command's stdout carries only its answer (<c>replay --json</c> is piped into other
/// programs). Configured as <c>akka.loggers</c> by the command line.
/// </summary>
public sealed class StandardErrorLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    public StandardErrorLogger()
    {
        Receive<LogEvent>(e => Console.Error.WriteLine($"[{e.LogLevel()}] {e.LogSource}: {e.Message}{(e.Cause is null ? "" : " " + e.Cause.Message)}"));
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
    }

    /// <summary>The HOCON that installs it.</summary>
    public static string Hocon =>
        $"akka.loggers = [\"{typeof(StandardErrorLogger).FullName}, {typeof(StandardErrorLogger).Assembly.GetName().Name}\"]\n" +
        "akka.stdout-loglevel = OFF";
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace OneWindow.Bench;

/// <summary>
/// The statements one request sends, for <c>--trace-intake</c>: EF Core's commands and transactions (from its
/// diagnostic listener) and, on PostgreSQL, every command Npgsql sends (its activity source), which includes those the
/// app runs on the raw connection (the case number). SQLite's raw commands are not seen (Microsoft.Data.Sqlite has no
/// tracing): on SQLite the list lacks the case-number statement. Nothing is subscribed outside a trace, so measured
/// runs pay nothing for it.
/// </summary>
public sealed class IntakeTrace : IObserver<DiagnosticListener>, IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ActivityListener _npgsql;

    private IntakeTrace()
    {
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        _npgsql = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                var text = a.Tags.FirstOrDefault(t => t.Key is "db.statement" or "db.query.text").Value ?? a.DisplayName;
                _lines.Enqueue($"[Npgsql {a.Duration.TotalMilliseconds:F2} ms] {OneLine(text)}");
            },
        };
        ActivitySource.AddActivityListener(_npgsql);
    }

    public static IntakeTrace Start() => new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Clear() => _lines.Clear();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            _subscriptions.Add(value.Subscribe(new EfObserver(_lines)));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        foreach (var s in _subscriptions)
        {
            s.Dispose();
        }
        _npgsql.Dispose();
    }

    private static string OneLine(string sql) => string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private sealed class EfObserver(ConcurrentQueue<string> lines) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            switch (value.Value)
            {
                case Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData e:
                    lines.Enqueue($"[EF {e.Duration.TotalMilliseconds:F2} ms] {OneLine(e.Command.CommandText)}");
                    break;
                case Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData e:
                    lines.Enqueue($"[EF {e.Duration.TotalMilliseconds:F2} ms] {value.Key[(value.Key.LastIndexOf('.') + 1)..]}");
                    break;
                case Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData:
                    lines.Enqueue($"[EF] {value.Key[(value.Key.LastIndexOf('.') + 1)..]}");
                    break;
                case Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData e:
                    lines.Enqueue($"[EF {e.Duration.TotalMilliseconds:F2} ms] {value.Key[(value.Key.LastIndexOf('.') + 1)..]}");
                    break;
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

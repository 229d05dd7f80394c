namespace OneWindow.Web.Modules.Supervision;

/// <summary>Which live stream a place is for: each kind has its own budget.</summary>
public enum LiveStreamKind
{
    /// <summary>The hall's big screen, <c>/screen/live</c>: open to anyone.</summary>
    Screen,

    /// <summary>The supervision dashboard, <c>/supervision/live</c>: supervisors and leaders, signed in.</summary>
    Supervision,
}

/// <summary>
/// How many live streams may be open at once, each kind with a budget of its own: the public big screen
/// (<c>/screen/live</c>: <c>LiveStreams:PerAddress</c>, 20 per client — a hall's screens behind one address — and
/// <c>LiveStreams:Total</c>, 1,000 in all) and the supervision dashboard (<c>/supervision/live</c>:
/// <c>LiveStreams:SupervisionPerAddress</c>, 20, and <c>LiveStreams:SupervisionTotal</c>, 200), so that anonymous
/// screens filling their budget never take the supervisors' places. Neither shares anything with the request rate
/// limits. A client is its address, an IPv6 client its /64 (<see cref="Infrastructure.ClientAddress"/>). A stream
/// holds a connection for as long as the page is open, so without a cap one client opening thousands of them
/// exhausted the process's file descriptors and stalled every other request. A stream counts from its start until the
/// client goes; beyond the caps the answer is 429 (this client) or 503 (the kind's total) with Retry-After. The figures
/// the streams carry are computed once per interval whatever their number (LiveFigures).
/// </summary>
public sealed class LiveStreams(IConfiguration configuration)
{
    private readonly Lock _lock = new();
    private readonly Budget _screen = new(Setting(configuration, "LiveStreams:PerAddress", 20), Setting(configuration, "LiveStreams:Total", 1000));
    private readonly Budget _supervision = new(Setting(configuration, "LiveStreams:SupervisionPerAddress", 20), Setting(configuration, "LiveStreams:SupervisionTotal", 200));

    public int PerAddress => _screen.PerClient;

    public int Total => _screen.Total;

    /// <summary>A stream's place, released on dispose; or null with the status to refuse it with (429 or 503).</summary>
    /// <param name="client">The client as counted: <see cref="Infrastructure.ClientAddress.Of(HttpContext)"/>.</param>
    public IDisposable? TryOpen(LiveStreamKind kind, string client, out int refusal)
    {
        var budget = BudgetOf(kind);
        lock (_lock)
        {
            if (budget.Open >= budget.Total)
            {
                refusal = StatusCodes.Status503ServiceUnavailable;
                return null;
            }
            var open = budget.ByClient.GetValueOrDefault(client);
            if (open >= budget.PerClient)
            {
                refusal = StatusCodes.Status429TooManyRequests;
                return null;
            }
            budget.ByClient[client] = open + 1;
            budget.Open++;
        }
        refusal = 0;
        return new Place(this, budget, client);
    }

    /// <summary>Streams open now, of both kinds (for the tests and the logs).</summary>
    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _screen.Open + _supervision.Open;
            }
        }
    }

    /// <summary>Streams of one kind open now.</summary>
    public int OpenOf(LiveStreamKind kind)
    {
        lock (_lock)
        {
            return BudgetOf(kind).Open;
        }
    }

    private Budget BudgetOf(LiveStreamKind kind) => kind == LiveStreamKind.Supervision ? _supervision : _screen;

    private void Close(Budget budget, string client)
    {
        lock (_lock)
        {
            budget.Open--;
            if (budget.ByClient[client] <= 1)
            {
                budget.ByClient.Remove(client); // no entry is kept for a client with nothing open
            }
            else
            {
                budget.ByClient[client]--;
            }
        }
    }

    private static int Setting(IConfiguration configuration, string key, int fallback) => Math.Max(1, configuration.GetValue(key, fallback));

    private sealed class Budget(int perClient, int total)
    {
        public int PerClient { get; } = perClient;
        public int Total { get; } = total;
        public Dictionary<string, int> ByClient { get; } = [];
        public int Open { get; set; }
    }

    private sealed class Place(LiveStreams streams, Budget budget, string client) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                streams.Close(budget, client);
            }
        }
    }
}

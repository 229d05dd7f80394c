namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// How many live streams (<c>/screen/live</c>, <c>/supervision/live</c>) may be open at once: per client address
/// (<c>LiveStreams:PerAddress</c>, 20: a hall's screens behind one address) and in all (<c>LiveStreams:Total</c>,
/// 1,000). A stream holds a connection for as long as the page is open, so without a cap one client opening
/// thousands of them exhausted the process's file descriptors and stalled every other request. A stream counts from
/// its start until the client goes; beyond the caps the answer is 429 (this address) or 503 (the server) with
/// Retry-After. The figures the streams carry are computed once per interval whatever their number (LiveFigures).
/// </summary>
public sealed class LiveStreams(IConfiguration configuration)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _byAddress = [];
    private int _total;

    public int PerAddress { get; } = Math.Max(1, configuration.GetValue("LiveStreams:PerAddress", 20));

    public int Total { get; } = Math.Max(1, configuration.GetValue("LiveStreams:Total", 1000));

    /// <summary>A stream's place, released on dispose; or null with the status to refuse it with (429 or 503).</summary>
    public IDisposable? TryOpen(string address, out int refusal)
    {
        lock (_lock)
        {
            if (_total >= Total)
            {
                refusal = StatusCodes.Status503ServiceUnavailable;
                return null;
            }
            var open = _byAddress.GetValueOrDefault(address);
            if (open >= PerAddress)
            {
                refusal = StatusCodes.Status429TooManyRequests;
                return null;
            }
            _byAddress[address] = open + 1;
            _total++;
        }
        refusal = 0;
        return new Place(this, address);
    }

    /// <summary>Streams open now (for the tests and the logs).</summary>
    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    private void Close(string address)
    {
        lock (_lock)
        {
            _total--;
            if (_byAddress[address] <= 1)
            {
                _byAddress.Remove(address); // no entry is kept for an address with nothing open
            }
            else
            {
                _byAddress[address]--;
            }
        }
    }

    private sealed class Place(LiveStreams streams, string address) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                streams.Close(address);
            }
        }
    }
}

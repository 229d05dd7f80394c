using System.Globalization;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// The system clock moved forward by an offset read from a file: only in the Testing environment, and only when
/// <c>Testing:ClockOffsetFile</c> names the file, so that a browser journey running the app as its own process can let
/// days pass (a limit run out, the sweep raise its card) without waiting for them. The file holds a
/// <see cref="TimeSpan"/> (<c>2.00:00:00</c>); missing or empty, no offset. Never registered in production.
/// </summary>
public sealed class ShiftedClock(string offsetFile) : TimeProvider
{
    private TimeSpan _offset;
    private long _readAt = -10_000;

    public static void AddTo(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsEnvironment("Testing") && configuration["Testing:ClockOffsetFile"] is { Length: > 0 } file)
        {
            services.AddSingleton<TimeProvider>(new ShiftedClock(file));
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset();

    private TimeSpan Offset()
    {
        // Read at most every 200 ms: the clock is asked many times a request.
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _readAt) < 200)
        {
            return _offset;
        }
        try
        {
            var text = File.Exists(offsetFile) ? File.ReadAllText(offsetFile).Trim() : "";
            _offset = text.Length == 0 ? TimeSpan.Zero : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // Being written: keep the last offset.
        }
        Interlocked.Exchange(ref _readAt, now);
        return _offset;
    }
}

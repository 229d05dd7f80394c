using System.Diagnostics;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>The kept rule book: young enough or read again, and never one read before a change made here.</summary>
public sealed class RuleBookCacheTests
{
    private static readonly RuleBook Book = new([]);

    [Fact]
    public void A_book_is_kept_for_its_max_age_and_then_read_again()
    {
        var cache = new RuleBookCache();
        Assert.Null(cache.Fresh());

        cache.Keep(Book, cache.Generation, Stopwatch.GetTimestamp());
        Assert.Same(Book, cache.Fresh());

        var tooOld = Stopwatch.GetTimestamp() - (long)((RuleBookCache.MaxAge.TotalSeconds + 1) * Stopwatch.Frequency);
        cache.Keep(Book, cache.Generation, tooOld);
        Assert.Null(cache.Fresh());
    }

    [Fact]
    public void A_change_made_here_forgets_the_kept_book_and_a_read_that_began_before_it_is_not_kept()
    {
        var cache = new RuleBookCache();
        cache.Keep(Book, cache.Generation, Stopwatch.GetTimestamp());

        var readBegan = cache.Generation;
        cache.Invalidate(); // a setting saved while that read was on its way
        Assert.Null(cache.Fresh());
        cache.Keep(new RuleBook([]), readBegan, Stopwatch.GetTimestamp());
        Assert.Null(cache.Fresh());

        cache.Keep(Book, cache.Generation, Stopwatch.GetTimestamp());
        Assert.Same(Book, cache.Fresh());
    }
}

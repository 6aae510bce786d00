using System.Globalization;
using System.Text.RegularExpressions;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>
/// A Secrets Manager rotation schedule, <c>rate(...)</c> or <c>cron(...)</c>, checked to rotate at most
/// every four hours, with bounds on how far apart two rotations can be.
/// </summary>
public sealed partial record RotationSchedule
{
    /// <summary>Secrets Manager's floor: a secret rotates at most every four hours.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(4);

    private const int MaxRateDays = 1000;

    private RotationSchedule(string expression, TimeSpan shortestInterval, TimeSpan longestInterval)
    {
        Expression = expression;
        ShortestInterval = shortestInterval;
        LongestInterval = longestInterval;
    }

    /// <summary>The expression exactly as Secrets Manager takes it.</summary>
    public string Expression { get; }

    /// <summary>The shortest time between two rotations; at least <see cref="MinimumInterval"/>.</summary>
    public TimeSpan ShortestInterval { get; }

    /// <summary>
    /// The longest time between two rotations: exact for <c>rate(...)</c> and for daily cron
    /// expressions, an upper bound (a week, a month, a year) for cron expressions restricted to
    /// some weekdays, days of the month or months.
    /// </summary>
    public TimeSpan LongestInterval { get; }

    /// <summary>Parses <paramref name="expression"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static RotationSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Trim();
        var rate = RatePattern().Match(text);
        if (rate.Success)
        {
            return FromRate(text, rate.Groups["value"].Value, rate.Groups["unit"].Value);
        }

        var cron = CronPattern().Match(text);
        if (cron.Success)
        {
            return FromCron(text, cron.Groups["fields"].Value);
        }

        throw new FormatException("must be rate(<n> hours|days) or cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)");
    }

    private static RotationSchedule FromRate(string text, string valueText, string unit)
    {
        if (!int.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new FormatException("must use a whole number of at least 1 in rate(...)");
        }

        var singular = unit is "hour" or "day";
        if (singular != (value == 1))
        {
            throw new FormatException("must use a singular unit for 1 and a plural unit otherwise, as in rate(1 day) or rate(12 hours)");
        }

        var interval = unit.StartsWith("hour", StringComparison.Ordinal) ? TimeSpan.FromHours(value) : TimeSpan.FromDays(value);
        if (interval < MinimumInterval)
        {
            throw new FormatException("rotates more often than every 4 hours, which Secrets Manager does not allow");
        }

        if (interval > TimeSpan.FromDays(MaxRateDays))
        {
            throw new FormatException($"rotates less often than every {MaxRateDays} days, which Secrets Manager does not allow");
        }

        return new RotationSchedule(text, interval, interval);
    }

    private static RotationSchedule FromCron(string text, string fieldText)
    {
        var fields = fieldText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw new FormatException("must have six cron fields: minutes hours day-of-month month day-of-week year");
        }

        var (minutes, hours, dayOfMonth, month, dayOfWeek, year) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59)
        {
            throw new FormatException("must name one minute (0-59) in cron(...): several minutes per hour rotate more often than every 4 hours");
        }

        if ((dayOfMonth == "?") == (dayOfWeek == "?"))
        {
            throw new FormatException("must have ? in exactly one of day-of-month and day-of-week in cron(...)");
        }

        if (year != "*")
        {
            throw new FormatException("must have * as the cron year: a year restriction would stop rotation for good");
        }

        var hourSet = ParseHours(hours);
        var gaps = Gaps(hourSet);
        var shortest = TimeSpan.FromHours(gaps.Min());
        if (shortest < MinimumInterval)
        {
            throw new FormatException("rotates more often than every 4 hours, which Secrets Manager does not allow");
        }

        var everyDay = dayOfMonth is "*" or "?" && dayOfWeek is "*" or "?";
        var longest = month != "*" ? TimeSpan.FromDays(366)
            : everyDay ? TimeSpan.FromHours(gaps.Max())
            : dayOfWeek != "?" ? TimeSpan.FromDays(7)
            : TimeSpan.FromDays(31);
        return new RotationSchedule(text, shortest, longest);
    }

    // Hours of the day the expression fires at, sorted.
    private static SortedSet<int> ParseHours(string field)
    {
        var set = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var match = HourPartPattern().Match(part);
            if (!match.Success)
            {
                throw new FormatException("must have hours in cron(...) as numbers 0-23, lists, ranges (a-b) or steps (*/n, a/n, a-b/n)");
            }

            var start = match.Groups["start"].Value;
            if (start == "*" && match.Groups["end"].Success)
            {
                throw new FormatException("must not combine * with a range in cron(...) hours");
            }

            var (from, to) = start == "*" ? (0, 23) : (Hour(start), Hour(start));
            if (match.Groups["end"].Success)
            {
                to = Hour(match.Groups["end"].Value);
            }
            else if (match.Groups["step"].Success && start != "*")
            {
                to = 23;
            }

            var step = match.Groups["step"].Success ? int.Parse(match.Groups["step"].Value, CultureInfo.InvariantCulture) : 1;
            if (step < 1 || from > to)
            {
                throw new FormatException("must have hour ranges from low to high and steps of at least 1 in cron(...)");
            }

            for (var hour = from; hour <= to; hour += step)
            {
                set.Add(hour);
            }
        }

        return set;
    }

    private static int Hour(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour <= 23
            ? hour
            : throw new FormatException("must have hours between 0 and 23 in cron(...)");

    // Hours between consecutive firings within a day, counting the wrap to the next day's first firing.
    private static List<int> Gaps(SortedSet<int> hours)
    {
        var list = hours.ToList();
        var gaps = new List<int>(list.Count);
        for (var i = 1; i < list.Count; i++)
        {
            gaps.Add(list[i] - list[i - 1]);
        }

        gaps.Add(24 - list[^1] + list[0]);
        return gaps;
    }

    [GeneratedRegex(@"^rate\((?<value>[0-9]+) (?<unit>hours?|days?)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^cron\((?<fields>[^()]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex CronPattern();

    [GeneratedRegex(@"^(?<start>\*|[0-9]{1,2})(-(?<end>[0-9]{1,2}))?(/(?<step>[0-9]{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex HourPartPattern();
}

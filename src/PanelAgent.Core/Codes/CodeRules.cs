using System.Globalization;

namespace PanelAgent.Core.Codes;

/// <summary>
/// What makes a user code acceptable (P10: codes must not be easy to guess). Codes are strings: leading zeros count.
/// </summary>
public static class CodeRules
{
    public const int MinLength = 4;
    public const int MinLengthGrade3 = 6;
    public const int MaxLength = 8;

    // The most used PINs in published PIN-frequency studies, beyond what the repeat/run rules already catch.
    private static readonly HashSet<string> s_common =
    [
        "1212", "1122", "1313", "1004", "2000", "2001", "1010", "6969", "4321", "1357", "2468", "1111",
        "112233", "121212", "123123", "131313", "159753", "147258", "147852", "159357", "696969", "102030",
        "654321", "111222", "000111", "520520", "123321", "11223344", "12121212", "12344321", "1234567", "7654321",
    ];

    /// <summary>Null when the code is acceptable, else the reason (never containing the code itself).</summary>
    public static string? Check(string code, int grade)
    {
        var min = grade >= 3 ? MinLengthGrade3 : MinLength;
        if (code.Length < min || code.Length > MaxLength || !code.All(char.IsAsciiDigit))
        {
            return $"a code is {min} to {MaxLength} digits";
        }

        if (code.Distinct().Count() <= 1)
        {
            return "a code may not repeat one digit";
        }

        if (IsRun(code, 1) || IsRun(code, -1))
        {
            return "a code may not be a run of digits";
        }

        if (s_common.Contains(code) || IsRepeatedBlock(code))
        {
            return "a code may not be a commonly used code";
        }

        return LooksLikeDate(code) ? "a code may not be a date or a year" : null;
    }

    /// <summary>Each digit one more (or one less, wrapping 9→0) than the one before: 1234, 7890, 4321.</summary>
    private static bool IsRun(string code, int step)
    {
        for (var i = 1; i < code.Length; i++)
        {
            if ((code[i - 1] - '0' + step + 10) % 10 != code[i] - '0')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>abab, abcabc, abcdabcd: a short block repeated.</summary>
    private static bool IsRepeatedBlock(string code)
    {
        for (var block = 1; block <= code.Length / 2; block++)
        {
            if (code.Length % block == 0 && code == string.Concat(Enumerable.Repeat(code[..block], code.Length / block)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Years 1900-2099 and day-month dates as DDMM, MMDD, DDMMYY, YYMMDD, MMDDYY, DDMMYYYY, YYYYMMDD.</summary>
    private static bool LooksLikeDate(string code) => code.Length switch
    {
        4 => IsYear(code) || IsDate(code[..2], code[2..]) || IsDate(code[2..], code[..2]),
        6 => IsDate(code[..2], code[2..4]) || IsDate(code[4..], code[2..4]) || IsDate(code[2..4], code[..2]),
        8 => (IsDate(code[..2], code[2..4]) && IsYear(code[4..])) || (IsYear(code[..4]) && IsDate(code[6..], code[4..6])),
        _ => false,
    };

    private static bool IsYear(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2099;

    private static bool IsDate(string day, string month) =>
        int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(2000, m);
}

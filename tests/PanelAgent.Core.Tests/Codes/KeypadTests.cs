using System.Security.Cryptography;
using PanelAgent.Core.Codes;

namespace PanelAgent.Core.Tests.Codes;

public class KeypadTests
{
    private static readonly byte[] s_pepper = RandomNumberGenerator.GetBytes(32);

    private static Keypad NewKeypad(int grade = 2) => new(new CodeHasher(s_pepper, CodeHasher.MinIterations), grade);

    [Fact]
    public void Identify_EnrolledCodes_FindTheirUsers()
    {
        var keypad = NewKeypad();
        Assert.Null(keypad.TryEnrol(1, null, "258013", duress: false, out _));
        Assert.Null(keypad.TryEnrol(9, null, "369147", duress: true, out _));

        Assert.Equal(1, keypad.Identify("258013")?.Number);
        Assert.True(keypad.Identify("369147")?.IsDuress);
        Assert.Null(keypad.Identify("258014"));
        Assert.Null(keypad.Identify("58013"));
    }

    [Fact]
    public void TryEnrol_StoresNoCode_OnlyASaltedHash()
    {
        var keypad = NewKeypad();

        keypad.TryEnrol(1, null, "258013", duress: false, out var user);

        Assert.NotNull(user);
        Assert.DoesNotContain("258013", user.Code.ToString(), StringComparison.Ordinal);
        Assert.Equal(16, user.Code.Salt.Length);
        var again = new CodeHasher(s_pepper, CodeHasher.MinIterations).Hash("258013");
        Assert.NotEqual(user.Code.Hash, again.Hash); // salted: the same code hashes differently
    }

    [Fact]
    public void Verify_WithAnotherPepper_Fails()
    {
        var hash = new CodeHasher(s_pepper, CodeHasher.MinIterations).Hash("258013");

        var other = new CodeHasher(RandomNumberGenerator.GetBytes(32), CodeHasher.MinIterations);

        Assert.False(other.Verify("258013", hash));
    }

    [Fact]
    public void CodeHash_RoundTripsThroughText()
    {
        var hash = new CodeHasher(s_pepper, CodeHasher.MinIterations).Hash("258013");

        var parsed = Core.Users.CodeHash.Parse(hash.ToString());

        Assert.True(new CodeHasher(s_pepper, CodeHasher.MinIterations).Verify("258013", parsed));
    }

    [Fact]
    public void ChangeCode_NeedsTheOldCode_AndRefusesWeakOrTakenCodes()
    {
        var keypad = NewKeypad();
        keypad.TryEnrol(1, null, "258013", duress: false, out _);
        keypad.TryEnrol(2, null, "741852", duress: false, out _);

        Assert.Equal(CodeChangeResult.WrongOldCode, keypad.ChangeCode(1, "111111", "604918", out _));
        Assert.Equal(CodeChangeResult.WeakCode, keypad.ChangeCode(1, "258013", "123456", out _));
        Assert.Equal(CodeChangeResult.CodeInUse, keypad.ChangeCode(1, "258013", "741852", out _));
        Assert.Equal(CodeChangeResult.UnknownUser, keypad.ChangeCode(5, "258013", "604918", out _));
        Assert.Equal(CodeChangeResult.Changed, keypad.ChangeCode(1, "258013", "604918", out var updated));
        Assert.NotNull(updated);
        Assert.Equal(1, keypad.Identify("604918")?.Number);
        Assert.Null(keypad.Identify("258013"));
    }

    [Fact]
    public void CodeHasher_RefusesShortPepperAndLowIterations()
    {
        Assert.Throws<ArgumentException>(() => new CodeHasher(new byte[8]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CodeHasher(s_pepper, 1000));
    }
}

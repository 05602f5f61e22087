namespace PanelAgent.Core.Users;

/// <summary>
/// A keypad user. Events and logs carry <see cref="Number"/> only; <see cref="Label"/> is personal data that stays in
/// the users table (P9). A duress entry has its own number and disarms like any user while raising alarm.duress.
/// </summary>
public sealed record UserRecord(int Number, string? Label, CodeHash Code, bool IsDuress);

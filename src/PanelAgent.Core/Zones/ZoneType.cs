namespace PanelAgent.Core.Zones;

/// <summary>What a zone means to the alarm logic (EN 50131 vocabulary where it has one).</summary>
public enum ZoneType
{
    /// <summary>Delayed: the entry route. Opening it while armed starts the entry delay.</summary>
    Entry,
    /// <summary>Doors and windows on the shell; armed in both away and home.</summary>
    Perimeter,
    /// <summary>Inside the house; armed only in away.</summary>
    Interior,
    /// <summary>Interior, with a camera that may verify an alarm.</summary>
    CameraPir,
    /// <summary>24 h: smoke.</summary>
    Fire,
    /// <summary>24 h: audible panic / SOS.</summary>
    Panic,
    /// <summary>24 h: silent hold-up (e.g. the portable voice unit taken off the wall). No siren, no local sign.</summary>
    Silent,
    /// <summary>24 h: a tamper switch of a panel part.</summary>
    Tamper,
    /// <summary>24 h technical: mains, battery, water... reported as trouble.&lt;kind&gt;.</summary>
    Technical,
}

namespace DigitalAlmaty.Domain.Claims;

/// <summary>What the claimant typed. <see cref="Topic"/> and <see cref="GroundsArose"/> are null when not chosen.</summary>
public sealed record ClaimForm(string Name, string Email, ClaimTopic? Topic, string Subject, string Text, DateOnly? GroundsArose);

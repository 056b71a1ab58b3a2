namespace Comintech.Dsr.Fulfilment;

/// <summary>
/// Gathers what the final notice reports: each store's outcome (a correction's changed and missing fields), what was
/// kept, what staff refused, the recipients told of an erasure or rectification (told here, before the notice, so it
/// can offer their list), and for an opt-out of sale/sharing whether any store sells or shares at all.
/// </summary>
public sealed class FinalNotice(
    RecipientNotifier recipients, Connectors.ProcessorRouting.ControllerNotice controllers, PublicLinks links, IOptions<NoticeOptions> notices, IOptions<DataMapOptions> dataMap)
{
    public async Task<OutgoingEmail> ComposeAsync(
        DsrRequest request, RequestStatus status, IReadOnlyList<ConnectorOutcome> outcomes, PublishedPackage? package, CancellationToken cancellationToken)
    {
        var map = dataMap.Value;
        var told = await recipients.NotifyAsync(request, outcomes, map, cancellationToken);
        var names = map.Stores.ToDictionary(s => s.Id, s => s.Name);
        var facts = new FinalNoticeFacts(outcomes, names)
        {
            Package = package,
            Kept = RetainedItems.From(map, outcomes),
            Refused = [.. request.RefusedStores.Select(r => new StoreRefusalLine(names.GetValueOrDefault(r.Key, r.Key), r.Value))],
            StoreFields = map.Stores.ToDictionary(s => s.Id, s => (IReadOnlyCollection<string>)new HashSet<string>(s.Fields.Keys, StringComparer.OrdinalIgnoreCase)),
            NoStoreSellsOrShares = !map.Stores.Any(s => s.SellsOrShares),
            RecipientsTold = told,
            RecipientsLink = links.Recipients(request.Id),
            Controllers = await controllers.ForAsync(request, cancellationToken),
        };
        return MessageTemplates.Final(request, status, facts, notices.Value);
    }
}

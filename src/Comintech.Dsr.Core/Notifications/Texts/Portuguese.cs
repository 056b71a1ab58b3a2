namespace Comintech.Dsr.Notifications.Texts;

public sealed class Portuguese : NoticeTexts
{
    public static Portuguese Texts { get; } = new();

    public override string TypeName(RequestType type) => type switch
    {
        RequestType.Access => "acesso",
        RequestType.Correction => "retificação",
        RequestType.OptOut => "cancelamento das comunicações de marketing",
        RequestType.SaleSharingOptOut => "«não vender nem partilhar as minhas informações pessoais»",
        _ => "apagamento",
    };

    public override string AckSubject => "Recebemos o seu pedido de privacidade";

    public override string Acknowledgement(string type, string received, string due, bool codeFollows, string statusUrl) =>
        $"Recebemos o seu pedido de {type} em {received}.\n"
        + $"Responderemos o mais tardar em {due}.\n"
        + (codeFollows ? "Vamos enviar-lhe um código para confirmar que é você.\n" : "Vamos agir sem lhe pedir que confirme a sua identidade.\n")
        + $"\nEstado do pedido: {statusUrl}\n";

    public override string CodeSubject(string code) => $"O seu código de verificação: {code}";

    public override string Code(string code, int minutes, string verifyUrl) =>
        $"O seu código de verificação é {code}. Expira em {minutes} minutos.\n"
        + $"Introduza-o aqui: {verifyUrl}\n\n"
        + "Se não fez este pedido, ignore esta mensagem: nada acontece sem o código.\n";

    public override string NotVerifiedSubject => "O seu pedido de privacidade foi encerrado";

    public override string NotVerified =>
        "Não conseguimos confirmar a sua identidade a tempo, por isso não agimos sobre o seu pedido.\n"
        + "Pode enviar um novo pedido quando quiser.\n";

    public override string FinalSubject => "O seu pedido de privacidade: resultado";

    public override string FinalIntro(string type, bool complete) => complete
        ? $"O seu pedido de {type} está concluído."
        : $"O seu pedido de {type} está concluído, exceto o indicado abaixo; a nossa equipa de privacidade trata do resto.";

    public override string Download(string expires, string link) =>
        $"Descarregue os seus dados (HTML, JSON e CSV num zip) aqui; a ligação expira em {expires}:\n{link}";

    public override string UpdateSubject => "O seu pedido de privacidade: atualização";

    public override string UpdateIntro(string type) => $"Associámos a conta que confirmou ao seu pedido de {type} e também agimos sobre ela.";

    public override string UpdatedDownload(string expires, string link) =>
        $"O seu pacote de dados atualizado (a ligação anterior já não funciona; esta expira em {expires}):\n{link}";

    public override string Unbound =>
        "Também nos indicou um número de conta. Não conseguimos associá-lo ao endereço de e-mail que confirmou, por isso não o usámos e "
        + "agimos apenas sobre os dados associados a esse endereço. Se a conta for sua, inicie sessão no painel de controlo e use a página "
        + "de privacidade para nos enviar uma ligação assinada, ou responda a esta mensagem e a nossa equipa verificará consigo.";

    public override string ExtensionSubject => "Precisamos de mais tempo para o seu pedido de privacidade";

    public override string Extension(string type, string received, string reason, string due) =>
        $"Precisamos de mais tempo para responder ao seu pedido de {type} de {received}.\nMotivo: {reason}\nResponderemos o mais tardar em {due}.\n";

    public override string DenialSubject => "O seu pedido de privacidade foi recusado";

    public override string Denial(string type, string received, string reason) =>
        $"Não podemos dar seguimento ao seu pedido de {type} de {received}.\nMotivo: {reason}\n";

    public override string PartialRefusalHeading => "O que não fizemos e porquê:";

    public override string KeptHeading => "O que conservámos e porquê:";

    public override string Outcome(OutcomeKind kind, int records, string? note) => kind switch
    {
        OutcomeKind.Done => $"feito ({records} registo(s))",
        OutcomeKind.NothingFound => "sem dados sobre si",
        OutcomeKind.Retained => $"conservado por motivo legal: {note}",
        OutcomeKind.Waiting => "em curso",
        _ => "não foi possível concluir automaticamente; a nossa equipa de privacidade vai terminá-lo",
    };

    public override string Corrected(IReadOnlyCollection<string> changed, IReadOnlyCollection<string> notHeld) =>
        string.Join("; ", new[]
        {
            changed.Count > 0 ? "retificado: " + string.Join(", ", changed) : null,
            notHeld.Count > 0 ? "não guarda o campo " + string.Join(", ", notHeld) + ", por isso não havia nada a retificar aí" : null,
        }.Where(p => p is not null));

    public override string NoSaleOrSharing => "Não vendemos nem partilhamos as suas informações pessoais: nenhum dos nossos sistemas as cede a troco de dinheiro ou para publicidade comportamental entre contextos.";

    public override string RecipientsOffer(int told, string link) =>
        $"Comunicámos este pedido a {told} destinatário(s) dos seus dados. Para obter a lista de destinatários, abra {link} ou responda a esta mensagem.";

    public override string Remedies(Jurisdiction jurisdiction, string? authority) => jurisdiction == Jurisdiction.CCPA
        ? "\nSe não estiver satisfeito, responda a esta mensagem. Pode também apresentar queixa à autoridade de controlo, "
          + (authority ?? "a Agência de Proteção da Privacidade da Califórnia") + ", ou ao Procurador-Geral da Califórnia, e pode ter meios judiciais.\n"
        : "\nSe não estiver satisfeito, responda a esta mensagem ou apresente queixa à sua autoridade de proteção de dados"
          + (authority is null ? " (a do país da UE onde vive ou trabalha, ou onde considera que a lei foi violada)" : $" ({authority}, ou a autoridade do local onde vive ou trabalha)")
          + "; tem também o direito de recorrer aos tribunais (arts. 77.º e 79.º do RGPD).\n";

    public override string RecordKept => "Conservamos um registo deste pedido e da nossa resposta durante 24 meses, como exige a regulamentação da Califórnia.\n";
}

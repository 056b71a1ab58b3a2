namespace Comintech.Dsr.Inbox;

/// <summary>
/// The phrases <see cref="RequestClassifier"/> weighs, written against normalised text (lower case, no accents).
/// Weight 3: the phrase alone names the request; weight 1: a hint that needs company.
/// </summary>
internal static class ClassifierPhrases
{
    public static readonly IReadOnlyList<(MailIntent Intent, Regex Pattern, int Weight)> All =
    [
        // Access (en, es, pt)
        ..P(MailIntent.Access, 3, @"(subject|data) access request", @"\bd?sar\b", @"right (of|to) access", @"copy of (all )?(my|the) (personal )?(data|information)",
            @"what (personal )?(data|information) (you|do you|does \w+) (hold|have|keep|store)", @"(data|information) (you|that you) (hold|have|keep|store) (about|on) me",
            @"send me (a copy of )?(all )?my (personal )?data", @"article 15", @"export (of )?(all )?my (personal )?data"),
        ..P(MailIntent.Access, 3, @"derecho de acceso", @"copia de (todos )?(mis|los) datos", @"que datos (personales )?(tienen|guardan|conservan|tratan)",
            @"acceso a mis datos", @"(solicitud|peticion) de acceso", @"articulo 15", @"informacion (que tienen|que guardan) sobre mi"),
        ..P(MailIntent.Access, 3, @"direito de acesso", @"copia (de todos |dos )?(os )?meus dados", @"quais dados (pessoais )?(voces )?(tem|possuem|guardam|armazenam|tratam)",
            @"acesso aos (meus )?dados", @"(solicitacao|pedido|requisicao) de acesso", @"relatorio (com|dos) (os )?meus dados"),
        ..P(MailIntent.Access, 1, @"\baccess\b", @"\bacceso\b", @"\bacesso\b", @"\bcopy\b", @"\bcopia\b", @"\bportability\b", @"\bportabilidad\b", @"\bportabilidade\b"),

        // Correction
        ..P(MailIntent.Correction, 3, @"\brectif(y|ication)\b", @"\bcorrect (my|the)\b", @"(is|are) (wrong|incorrect|out of date|outdated|misspelled)",
            @"update (my|the) (name|address|postal address|phone|phone number|e-?mail|details|record)", @"change (my|the) (name|address|postal address|phone|phone number|surname)",
            @"correction (of|to) my", @"right to rectification"),
        ..P(MailIntent.Correction, 3, @"\brectifi(car|cacion|quen|que)\b", @"\bcorregir\b", @"\bcorrijan\b", @"(esta|estan) (mal|equivocad[oa]s?|incorrect[oa]s?)",
            @"actualizar (mi|mis) (nombre|direccion|telefono|datos|apellido)", @"cambiar (mi|mis) (nombre|direccion|telefono|apellido)", @"\b(dato|datos) incorrect[oa]s?\b"),
        ..P(MailIntent.Correction, 3, @"\bretifi(car|cacao|quem)\b", @"\bcorrigir\b", @"\bcorrijam\b", @"(esta|estao) (errad[oa]s?|incorret[oa]s?|desatualizad[oa]s?)",
            @"atualizar (meu|minha|meus|minhas) (nome|endereco|telefone|dados|sobrenome)", @"(alterar|mudar) (meu|minha) (nome|endereco|telefone|sobrenome)", @"\bdados incorret[oa]s\b"),
        ..P(MailIntent.Correction, 1, @"\bwrong\b", @"\bincorrect\b", @"\bupdate\b", @"\btypo\b", @"\bincorrect[oa]\b", @"\berrad[oa]\b", @"\bactualizar\b", @"\batualizar\b"),

        // Deletion
        ..P(MailIntent.Deletion, 3, @"\bdelete (all )?(of )?(my|me|the)\b", @"\berase (all )?(my|me)\b", @"\berasure\b", @"right to be forgotten", @"\bforget me\b",
            @"remove (all )?(of )?my (personal )?(data|information|details|account)", @"close (and delete )?my account", @"\bdeletion\b", @"wipe (all )?my"),
        ..P(MailIntent.Deletion, 3, @"\b(eliminar|eliminen|elimine|borrar|borren|borre|suprimir|supriman)\b", @"\bsupresion\b", @"derecho al olvido", @"\beliminacion\b",
            @"\bcancelacion de (mis|todos mis) datos\b", @"dar de baja (mi|la) cuenta", @"cerrar (y eliminar )?mi cuenta"),
        ..P(MailIntent.Deletion, 3, @"(?<!\bme )\b(excluir|excluam|exclua)\b(?!-me)", @"\b(apagar|apaguem|apague|eliminem)\b", @"\bexclusao\b", @"\bapagamento\b", @"\beliminacao\b",
            @"direito ao esquecimento", @"remover (todos )?(os )?meus dados", @"encerrar (e excluir )?minha conta"),
        ..P(MailIntent.Deletion, 1, @"\bdelete\b", @"\bremove\b", @"\bforgotten\b", @"\bolvido\b", @"\besquecimento\b"),

        // Opt-out (marketing, sale or sharing)
        ..P(MailIntent.OptOut, 4, @"\bunsubscribe\b", @"\bopt(-| )?out\b", @"do not sell", @"don'?t sell", @"stop (selling|sharing|sending|emailing)",
            @"(marketing|promotional) (e-?mails?|messages|communications)", @"remove me from (your|the) (mailing|marketing|e-?mail) list", @"no more (e-?mails|newsletters|marketing)"),
        ..P(MailIntent.OptOut, 4, @"dar(me)? de baja (de|del) (la lista|boletin|newsletter|correos|publicidad)", @"\bno (vendan|vender|compartan)\b", @"dejar de recibir",
            @"correos (promocionales|publicitarios|de marketing)", @"cancelar (la )?suscripcion"),
        ..P(MailIntent.OptOut, 4, @"\bdescadastr(ar|e|em)\b", @"cancelar (a )?(inscricao|assinatura)", @"parar de receber", @"\bnao (vendam|vender|compartilhem)\b",
            @"e-?mails (de marketing|promocionais)", @"lista de (e-?mails|emails|correio)"),
    ];

    public static readonly HashSet<string> EnglishMarkers =
        ["the", "and", "my", "i", "please", "you", "your", "of", "to", "me", "is", "have", "would", "like", "thanks", "hello", "hi", "dear", "regards"];

    public static readonly HashSet<string> SpanishMarkers =
        ["el", "los", "las", "mis", "datos", "quiero", "solicito", "gracias", "usted", "ustedes", "y", "hola", "estimados", "favor", "mi", "sobre", "saludos", "del", "tienen"];

    public static readonly HashSet<string> PortugueseMarkers =
        ["os", "meus", "minhas", "dados", "gostaria", "obrigado", "obrigada", "voce", "voces", "nao", "do", "da", "seus", "ola", "prezados", "minha", "sobre", "atenciosamente", "tem", "sao"];

    private static (MailIntent, Regex, int)[] P(MailIntent intent, int weight, params string[] patterns) =>
        [.. patterns.Select(p => (intent, new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)), weight))];
}

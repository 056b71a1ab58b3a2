namespace Comintech.Dsr.Inbox.Model;

/// <summary>
/// Words that mean the same thing across English, Spanish and Portuguese (and their usual misspellings), grouped into
/// concepts. The model reads a concept token next to the words, so "borrar", "apaguem" and "wipe" teach it one thing
/// and a way of asking seen in one language carries over to the others. Entries are word beginnings in normalised text
/// (lower case, no accents); an entry ending in '$' is a whole word; one with a space is a phrase.
/// </summary>
internal static class IntentLexicon
{
    private static readonly (string Concept, string[] Entries)[] Concepts =
    [
        ("zzerase", ["delet", "delt", "delte", "erase", "erasu", "erasi", "wipe", "purg", "destr", "dispos", "get rid", "rid of", "gone$", "forget", "forgot",
            "remov", "borr", "elimin", "supri", "supres", "quit", "sacad", "sacar", "apag", "exclu", "sumir", "sumam", "sumam$", "tirem", "tirar", "tire$",
            "olvid", "esquec", "cancelac", "take me out", "take my data off", "off your", "close everything", "cierren", "fechem", "don t keep", "dont keep",
            "no guarden", "nao guardem", "expung", "scrub", "take down", "take it down", "clear out", "limpi", "limpe", "descart", "no copies",
            "ninguna copia", "nenhuma copia"]),
        ("zzobtain", ["copy", "copi", "copia", "send", "sent$", "envi", "mand", "remit", "forward", "export", "download", "descarg", "baix", "see$", "ver$",
            "show", "muestr", "mostr", "know$", "saber", "disclos", "report", "relatorio", "informe$", "access", "acces", "acess", "provid", "proporcion",
            "fornec", "transcri", "recording", "grabacion", "gravac", "footage", "imagen", "imagens", "historial", "historico", "history", "file$", "dossier",
            "expediente", "print out", "look at", "what data", "que datos", "quais dados", "what info", "que informacion", "quais informacoes", "about me",
            "sobre mi$", "sobre mim", "de mi$", "on me$", "have on", "tienen de", "tem de", "portab", "confirm whether", "categories", "read$", "leer",
            "ler$", "printout", "print-out"]),
        ("zzwrong", ["wrong", "incorrect", "incorret", "inaccura", "inexact", "mistake", "typo", "error", "erro$", "errad", "equivoc", "mal$", "outdated",
            "out of date", "old address", "antigu", "antig", "no longer mine", "ya no es mio", "nao e mais meu", "isn t mine", "misspel", "certo$", "bien$",
            "right one", "correct one", "el bueno", "o atual"]),
        ("zzamend", ["correct", "corrig", "corrij", "rectif", "retific", "fix", "amend", "arregl", "arrum", "updat", "actualiz", "atualiz", "chang", "cambi",
            "mude", "mudei", "mudamos", "alter", "troc", "replace", "sustitu", "substitu", "spell", "escrit", "moved", "new address", "nueva direccion",
            "novo endereco", "married", "case$", "casei", "me case", "instead", "now is", "ahora es", "agora e", "should be", "deberia ser", "deveria ser",
            "pongan", "coloquem", "use my new", "usar mi nuevo", "usar meu novo", "is now", "es ahora", "e agora"]),
        ("zzfield", ["address", "direccion", "endereco", "phone", "telefon", "mobile", "movil", "celular", "name$", "nombre", "nome$", "surname", "apellido",
            "sobrenome", "birth", "nacimiento", "nascimento", "title$", "postcode", "codigo postal", "cep$", "dni", "cpf", "nif"]),
        ("zzmarketing", ["marketing", "newsletter", "offer", "oferta", "promo", "publicid", "propaganda", "advert", "anuncio", "spam", "deal", "catalog",
            "mailing", "boletin", "subscri", "suscri", "inscri", "assinatura", "sms$", "whatsapp", "text message", "texting", "sales call", "unsubs",
            "unsubscrib", "descadastr", "baja de", "opt out", "opt-out", "optout", "sell", "sale of", "vend", "sharing", "share my", "compart", "partners",
            "socios", "parceiros", "brokers", "privacy control"]),
        ("zzstop", ["stop", "paren", "parem", "para de", "pare de", "dejen", "deja de", "dejar de", "deixem", "deixar de", "no more", "no mas", "nao quero mais",
            "chega", "basta", "enough", "leave me alone", "cease", "anymore", "ya no quiero", "make it stop", "take me off", "sacame", "me tirem", "me tira"]),
        ("zzobject", ["object", "opong", "opone", "oponh", "oposic", "oposi", "profil", "perfilar", "analy", "analis", "analit", "algorithm", "algoritm",
            "human", "persona$", "pessoa$", "a person", "una persona", "uma pessoa", "review", "revis", "restrict", "limit", "bloqueo$", "bloqueio$", "suspend",
            "training", "entrenamiento", "treinamento", "machine learning", "inteligencia artificial", "artificial intelligence", "research", "estudio",
            "pesquisa", "estadistic", "tracking", "seguimiento", "rastre", "cookie", "legitimate interest", "interes legitimo", "interesse legitimo",
            "contest", "impugn", "recognition", "reconocimiento", "reconhecimento", "automated decision", "decision automatica", "decisao automatizada",
            "automaticamente", "automatically"]),
        ("zzaway", ["out of office", "out of the office", "fuera de la oficina", "fuera de oficina", "fora do escritorio", "vacation", "holiday", "annual leave",
            "leave$", "vacacion", "ferias", "away", "ausen", "travel", "viaj", "return", "volv", "volt", "reopen", "reabr", "closed", "cerrad", "fechad",
            "automatic", "automatica", "automatico", "auto-reply", "autoreply", "ticket", "chamado", "incidencia", "received your", "have received",
            "hemos recibido", "recebemos", "do not reply", "no responda", "nao responda", "left the company", "no longer work", "ya no trabajo",
            "nao trabalho", "sai da empresa", "deje la empresa", "not monitored", "no se revisa", "nao e monitorad", "urgent", "urgen", "agent", "agente",
            "atendente", "parental", "maternidad", "maternity", "limited access", "acceso limitado", "business days", "dias utiles", "dias uteis",
            "automated ack", "automated message", "automated reply", "automated response", "automated notice", "reduced hours", "horario reducido",
            "media jornada", "horario reduzido", "working day", "dia laborable", "horario laboral", "dia util", "reply within", "respond within",
            "answer within", "respondemos", "le responderemos", "emergenc", "connectivity", "conectividad", "viag", "not read", "no se leen",
            "nao sao lidas", "duplicates", "duplicados"]),
        ("zzfailure", ["deliver", "entreg", "undeliver", "bounce", "returned", "devuelt", "devolvid", "mailbox", "buzon", "caixa postal", "caixa de correio",
            "recipient", "destinatari", "550", "554", "5.1.1", "5.7.1", "user unknown", "unknown user", "desconocid", "desconhecid", "queue", "en cola",
            "na fila", "retry", "retried", "reintent", "tentad", "failure", "failed", "fallo", "falha", "falhou", "permanent", "mail system", "mailer",
            "postmaster", "smtp", "host", "transcript of session", "relay", "rejected", "rechazad", "rejeitad", "address not found", "no se encontro",
            "nao encontrad"]),
        ("zzwant", ["i want", "i d like", "i would like", "i wish", "please", "pls", "plz", "kindly", "i request", "i ask", "i demand", "i need you",
            "quiero", "quisiera", "me gustaria", "solicito", "pido", "exijo", "por favor", "favor de", "porfa", "quero", "queria", "gostaria", "peco",
            "requeiro", "exijo", "pfv", "pf$"]),
        ("zzquery", ["how do i", "how can i", "how long", "do you", "does", "is it", "is there", "is this", "can i", "what is", "where", "when",
            "como hago", "como puedo", "cuanto", "cuando", "donde", "es posible", "se puede", "puedo", "como faco", "como posso", "quanto", "quando",
            "onde", "e possivel", "posso", "da pra", "is that", "are you", "es legal", "isso e"]),
        ("zzaccount", ["account", "acount", "cuenta", "conta$", "profile", "perfil", "cadastr", "registr", "database", "base de datos", "banco de dados",
            "base de dados", "system", "sistema", "servers", "servidores"]),
        ("zzservice", ["order", "pedido", "refund", "reembols", "invoice", "factura", "fatura", "password", "contrasena", "senha", "log in", "login",
            "price", "precio", "preco", "cost", "cuesta", "custa", "ship", "envio", "hiring", "job", "cv$", "partnership", "colaboracion", "parceria",
            "bug", "vulnerab", "broke", "roto", "rota$", "quebr", "tracking number", "parcel", "paquete", "gift card", "tarjeta regalo", "vale-presente",
            "coupon", "cupon", "cupom", "unlock", "locked", "desbloque", "bloquead", "bloqueou", "bloqueo la", "encrypt", "cifra", "criptograf", "discount", "descuento", "desconto", "size", "talla", "tamanho", "app$", "website", "la web", "o site"]),
    ];

    private static readonly HashSet<string> Negations = ["not", "cannot", "cant", "never", "unable", "nunca", "t"];

    private static readonly HashSet<string> NegatedVerbs = ["puedo", "consigo", "posso"];

    /// <summary>
    /// The concept tokens of the words and phrases in the normalised text, in a fixed order, each once per mention (at
    /// most three); a word within two words after a negation ("I cannot access", "no puedo acceder") does not count.
    /// </summary>
    public static string ConceptsOf(string normalised)
    {
        var words = normalised.Split([' ', '\n', '\t', '.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '/', '<', '>', '*', '|'], StringSplitOptions.RemoveEmptyEntries);
        var padded = " " + string.Join(' ', words) + " ";
        var counted = words.Where((_, i) => !Negated(words, i)).ToList();
        var found = new List<string>();
        foreach (var (concept, entries) in Concepts)
        {
            var count = 0;
            foreach (var entry in entries)
            {
                count += entry switch
                {
                    _ when entry.Contains(' ', StringComparison.Ordinal) => Occurrences(padded, " " + entry),
                    _ when entry.EndsWith('$') => counted.Count(w => w == entry[..^1]),
                    _ => counted.Count(w => w.StartsWith(entry, StringComparison.Ordinal)),
                };
            }

            found.AddRange(Enumerable.Repeat(concept, Math.Min(count, 3)));
        }

        if (normalised.Contains('?', StringComparison.Ordinal))
        {
            found.Add("zzquestion");
        }

        return string.Join(' ', found);
    }

    /// <summary>Whether text the model reads (<see cref="IntentModel.TextOf"/>) says it was written by a machine: away, ticket or delivery failure.</summary>
    public static bool SoundsAutomatic(string modelText) =>
        modelText.Contains(" zzaway", StringComparison.Ordinal) || modelText.Contains(" zzfailure", StringComparison.Ordinal);

    private static bool Negated(string[] words, int index)
    {
        for (var i = Math.Max(0, index - 2); i < index; i++)
        {
            if (Negations.Contains(words[i]) || (NegatedVerbs.Contains(words[i]) && i > 0 && words[i - 1] is "no" or "nao"))
            {
                return true;
            }
        }

        return false;
    }

    private static int Occurrences(string text, string phrase)
    {
        var (count, at) = (0, text.IndexOf(phrase, StringComparison.Ordinal));
        while (at >= 0)
        {
            count++;
            at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal);
        }

        return count;
    }
}

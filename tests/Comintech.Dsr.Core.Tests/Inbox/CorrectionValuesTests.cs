using Comintech.Dsr.Inbox;
using Comintech.Dsr.Inbox.Model;
using Xunit.Abstractions;

namespace Comintech.Dsr.Core.Tests.Inbox;

public sealed class CorrectionValuesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("wrong address", "Hi, you've got my old address. I moved to 14 Elm Street, Leeds LS6 2AB. Please fix it. Thanks", "postalAddress", "14 Elm Street, Leeds LS6 2AB")]
    [InlineData("My address is wrong", "Please update my address to 1 Example Road, Exampletown.", "postalAddress", "1 Example Road, Exampletown")]
    [InlineData("married", "I got married last month. My name is now Sarah Whitfield (was Sarah Jones). Can you change it?", "fullName", "Sarah Whitfield")]
    [InlineData("", "new phone number is +44 7700 900123, pls use that one", "phone", "+44 7700 900123")]
    [InlineData("email", "please change my email to jo.bennett@example.net, the old one doesn't work anymore", "email", "jo.bennett@example.net")]
    [InlineData("direccion", "Hola, tienen mi dirección antigua. Ahora vivo en Calle Mayor 12, 28013 Madrid. ¿Lo pueden cambiar?", "postalAddress", "Calle Mayor 12, 28013 Madrid")]
    [InlineData("datos viejos", "tienen datos viejos mios. me llamo Andrés Castillo y mi telefono es 655 111 222", "fullName", "Andrés Castillo")]
    [InlineData("datos viejos", "tienen datos viejos mios. me llamo Andrés Castillo y mi telefono es 655 111 222", "phone", "655 111 222")]
    [InlineData("Rectificación", "Mi nombre correcto es María del Carmen Ruiz Soto y mi domicilio es Avenida de la Paz 7, 41001 Sevilla.", "fullName", "María del Carmen Ruiz Soto")]
    [InlineData("Rectificación", "Mi nombre correcto es María del Carmen Ruiz Soto y mi domicilio es Avenida de la Paz 7, 41001 Sevilla.", "postalAddress", "Avenida de la Paz 7, 41001 Sevilla")]
    [InlineData("correo", "cambien mi correo a ana.mora@example.es, el otro ya no lo uso", "email", "ana.mora@example.es")]
    [InlineData("endereco errado", "Oi, vocês estão com meu endereço antigo. Agora moro na Rua das Flores, 120, São Paulo - SP, 01310-100. Podem trocar?", "postalAddress", "Rua das Flores, 120, São Paulo - SP, 01310-100")]
    [InlineData("casei", "Me casei e agora meu nome é Carolina Alves Pereira. Podem mudar no cadastro?", "fullName", "Carolina Alves Pereira")]
    [InlineData("", "meu telefone novo é (11) 98765-4321, usem esse pfv", "phone", "(11) 98765-4321")]
    [InlineData("email", "troquem meu email para pedro.santos@example.com.br, o antigo não uso mais", "email", "pedro.santos@example.com.br")]
    [InlineData("new address", "Hi, we've moved. Could you change it to 18 Queen's Road, Cardiff CF10 3AB? Thanks", "postalAddress", "18 Queen's Road, Cardiff CF10 3AB?")]
    [InlineData("Name", "Hello, you've got my name as Jon Smyth. It should be John Smith. Thanks.", "fullName", "John Smith")]
    [InlineData("wrong number", "the phone number on my account is an old one, the right one is 07700 900123", "phone", "07700 900123")]
    [InlineData("mi direccion", "me mude, la nueva direccion es Av. del Puerto 33, 46021 Valencia", "postalAddress", "Av. del Puerto 33, 46021 Valencia")]
    [InlineData("telefono", "Mi número ha cambiado, ahora es 612 345 678. Gracias", "phone", "612 345 678")]
    [InlineData("phone", "You've got my mobile down as 07700 900123 but that's my old one. The current number is 07700 900456.", "phone", "07700 900456")]
    [InlineData("teléfono", "Tienen mi móvil como 612 345 678, pero ese ya no lo uso: el número bueno es 699 111 222.", "phone", "699 111 222")]
    [InlineData("telefone", "Vocês têm meu celular como (21) 99876-5432, que é antigo. O número atual é (21) 91234-5678.", "phone", "(21) 91234-5678")]
    [InlineData("mudei", "Mudei de endereço, agora é Rua Augusta 500, apto 12, São Paulo. Atualizem por favor.", "postalAddress", "Rua Augusta 500, apto 12, São Paulo")]
    public void Values_are_read_from_english_spanish_and_portuguese_text(string subject, string body, string field, string expected)
    {
        var values = CorrectionValues.Extract(subject, body, "sender@example.com");
        Assert.True(values.TryGetValue(field, out var value), $"No {field} in: {string.Join(", ", values)}");
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("DOB", "Your records have my birthday as 02/11/1969; the right date is 11/02/1969.", "dateOfBirth", "11/02/1969")]
    [InlineData("", "Tienen mal mi fecha de nacimiento: es el 9 de enero de 1984.", "dateOfBirth", "9 de enero de 1984")]
    [InlineData("cadastro", "A data de nascimento no meu cadastro está trocada, o correto é 30/04/2001.", "dateOfBirth", "30/04/2001")]
    [InlineData("letters", "Your letters call me Mr but I am Dr, please use that.", "title", "Dr")]
    [InlineData("tratamiento", "En las cartas me ponen Sra y prefiero que el tratamiento sea Dra.", "title", "Dra")]
    [InlineData("passport", "The passport on my file is my old one; the current passport number is 120398877.", "idNumber", "120398877")]
    [InlineData("NIE", "Mi NIE está mal copiado, el bueno es X1234567L.", "idNumber", "X1234567L")]
    [InlineData("CPF", "Meu CPF no sistema está com um dígito errado. O certo: 987.654.321-00", "idNumber", "987.654.321-00")]
    [InlineData("birth date", "My date of birth is wrong on your system.", "dateOfBirth", "")]
    [InlineData("documento", "O número do meu documento de identidade está errado no cadastro.", "idNumber", "")]
    public void Date_of_birth_title_and_id_number_are_named_with_their_value_or_empty_for_staff(string subject, string body, string field, string expected)
    {
        var values = CorrectionValues.Extract(subject, body, "sender@example.com");
        Assert.True(values.TryGetValue(field, out var value), $"No {field} in: {string.Join(", ", values)}");
        Assert.Equal(expected, value);
        Assert.False(field == CorrectionValues.IdNumber && values.ContainsKey(CorrectionValues.Phone), "The ID number was also read as a phone number.");
    }

    [Fact]
    public void The_sender_address_and_quoted_or_forwarded_headers_are_not_taken_as_new_values()
    {
        var values = CorrectionValues.Extract(
            "Re: invoice", "The name on this invoice is wrong.\n\nOn Wed, 4 Nov 2026 Billing <billing@shop.example> wrote:\n> call us on 0800 123 4567", "me@example.com");
        Assert.Empty(values);
        Assert.DoesNotContain("email", CorrectionValues.Extract("email", "my email me@example.com is fine, the phone is wrong", "me@example.com").Keys);
    }

    [Fact]
    public void Most_correction_messages_in_the_corpus_yield_at_least_one_value()
    {
        var corrections = CorpusMessage.ReadAll(HeldOutAccuracyTests.TrainSplit).Concat(HeldOutAccuracyTests.TestSplit()).Where(m => m.Label == "correction").ToList();
        var withValues = 0;
        foreach (var message in corrections)
        {
            var values = CorrectionValues.Extract(message.Subject, message.Text ?? HtmlText.ToPlainText(message.Html!), null);
            withValues += values.Values.Any(v => v.Length > 0) ? 1 : 0;
            output.WriteLine($"{message.Id}: {string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))}");
        }

        output.WriteLine($"{withValues}/{corrections.Count} correction messages gave values");
        // Some corrections fix a field whose new value cannot be read reliably (a single first name or surname, free
        // text such as an employer, a postcode, a gender, a payment record): those give no value, or a named field with
        // an empty value for staff to fill in. Measured 63 % (165/260) once the s7–s9 training batches, written for
        // variety, added many such messages (65 % before them), and 57 % (184/322) once the t7–t9 batches added more
        // (names, surnames, postcodes, "use this address"); the t10–t12 batches added 40 of which only 15 gave a value
        // (gender, allergy, company name, a note on file; addresses and married names in wording the patterns do not
        // know), the writers' batches w1–w12 more that do: 58 % (472/812) with both; the floor stays at 55 %.
        Assert.True(withValues >= corrections.Count * 0.55, $"{withValues}/{corrections.Count}");
    }
}

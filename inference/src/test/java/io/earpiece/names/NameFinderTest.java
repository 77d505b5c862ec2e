package io.earpiece.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.earpiece.summary.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameFinderTest {

    private final NameFinder finder = new NameFinder();

    /** A call from "party: words" lines, a second apart. */
    private static List<Utterance> call(String... lines) {
        List<Utterance> out = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(": ");
            out.add(new Utterance(line.substring(0, colon), out.size(), out.size() + 1, line.substring(colon + 2)));
        }
        return out;
    }

    private Map<String, ProposedName> find(String... lines) {
        return finder.find(call(lines));
    }

    /** The rep says the sentence, the customer answers with nothing that names anyone. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Hi, this is Priya from Lakeside Dental, how are you today?|Priya",
            "hello this is marcus calling from the billing team|Marcus",
            "Good morning, my name is Tomasz Wr\u00f3bel and I look after your account.|Tomasz Wr\u00f3bel",
            "my name is ingrid halvorsen i'm following up on your request|Ingrid Halvorsen",
            "Hey, Jun here, quick question about your order.|Jun",
            "yeah hi kofi here from parcelworks|Kofi",
            "I'm Aurelie from Brightpath, thanks for picking up.|Aurelie",
            "hi i'm desmond with harbor freight solutions|Desmond",
            "You're speaking with Lucia, how can I help?|Lucia",
            "you are speaking with bartholomew how may i help you|Bartholomew",
            "you're talking to Siobhan in accounts|Siobhan",
            "Hi, it's Rahul from Fernway again.|Rahul",
            "its noor calling about the renewal|Noor",
            "uh hi um this is uh Gabriel from uh Quillon|Gabriel",
            "Oscar speaking, what can I do for you?|Oscar",
            "Hi there, this is Mei-Ling O'Connor from the clinic.|Mei-Ling O'Connor",
            "this is ms adebayo from the school office|Ms Adebayo",
            "Hello! I'm Henrik.|Henrik",
            "so yeah this is Ayesha, I'm the new account lead|Ayesha",
            "THIS IS KENJI FROM SUNDIAL|Kenji",
            "hi it's mr lindqvist returning your call|Mr Lindqvist",
            "Morning, Fatima here.|Fatima",
    })
    void theRepIntroducingThemselves(String sentence, String name) {
        Map<String, ProposedName> names = find("rep: " + sentence, "customer: Okay, go ahead.");

        assertThat(names).containsOnlyKeys("rep");
        assertThat(names.get("rep").name()).isEqualTo(name);
        assertThat(names.get("rep").selfIntroductions()).isEqualTo(1);
        assertThat(names.get("rep").confidence()).isGreaterThanOrEqualTo(0.6);
    }

    /** The rep opens; the customer's answer calls the rep by name. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Hi Dana, good to hear from you.|Dana",
            "hey bronwyn how are you|Bronwyn",
            "Thanks, Elif.|Elif",
            "thank you so much ignatius that helps|Ignatius",
            "Good afternoon Rosalind.|Rosalind",
            "oh hello mr okonkwo|Mr Okonkwo",
            "Yes, is this Thandiwe?|Thandiwe",
            "am i speaking with viktor|Viktor",
            "Morning Anneliese, all good on your side?|Anneliese",
            "ok bye caspian talk soon|Caspian",
            "thanks again zainab bye|Zainab",
    })
    void theCustomerAddressingTheRep(String sentence, String name) {
        Map<String, ProposedName> names = find("rep: Good morning, thanks for taking my call.", "customer: " + sentence);

        assertThat(names).containsOnlyKeys("rep");
        assertThat(names.get("rep").name()).isEqualTo(name);
        assertThat(names.get("rep").addressed()).isEqualTo(1);
        assertThat(names.get("rep").selfIntroductions()).isZero();
    }

    /** Sentences where "this is", "I'm", "hi" or "thanks" come before ordinary words, not names. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "This is great, thank you.",
            "this is exactly what we needed",
            "I'm calling about the invoice from last month.",
            "im sorry i missed you yesterday",
            "I'm just checking in on the quote.",
            "i'm good thanks how are you",
            "I'm afraid that won't work for us.",
            "I'm not sure yet.",
            "Hi there, is now a good time?",
            "hey everyone thanks for joining",
            "Thanks again for your time.",
            "thanks so much for calling back",
            "This is Tuesday's follow-up.",
            "this is the third time i've called",
            "Thank you for calling Northwind Support, how can I help?",
            "hi this is northwind support",
            "I'm with Fabrikam procurement.",
            "It's fine, really.",
            "it's been a long week",
            "Yes, this is she.",
            "This is about the contract renewal.",
            "hello again sir",
            "Good morning everyone.",
            "I'm in meetings all day Wednesday.",
            "Sounds good, agreed.",
            "Okay, perfect.",
            "I'm interested, honestly.",
            "This is really helpful.",
            "thanks a lot, bye",
            "This is Friday at ten, right?",
            "I'm Looking forward to it.",
            "My name is on the account, yes.",
    })
    void ordinaryWordsAreNoNames(String sentence) {
        assertThat(find("rep: " + sentence, "customer: Right, sure.")).isEmpty();
        assertThat(find("customer: Hello?", "rep: " + sentence)).isEmpty();
    }

    @Test
    void bothPartiesFromAWholeOpening() {
        Map<String, ProposedName> names = find(
                "rep: Hi, this is Sam from Northwind, am I speaking with Dana?",
                "customer: yes this is dana",
                "rep: Great, thanks Dana. I'm calling about your renewal.",
                "customer: Sure, go ahead, Sam.");

        assertThat(names.get("rep").name()).isEqualTo("Sam");
        assertThat(names.get("rep").selfIntroductions()).isEqualTo(1);
        assertThat(names.get("rep").addressed()).isEqualTo(1);
        assertThat(names.get("customer").name()).isEqualTo("Dana");
        assertThat(names.get("customer").selfIntroductions()).isEqualTo(1);
        assertThat(names.get("customer").addressed()).isEqualTo(2);
        assertThat(names.get("customer").confidence()).isGreaterThan(0.9);
    }

    @Test
    void theCallsFirstWordsAddressWhoeverAnswers() {
        Map<String, ProposedName> names = find("customer: Hi Wilhelmina, it's about my order.", "rep: Of course.");

        assertThat(names).containsOnlyKeys("rep");
        assertThat(names.get("rep").name()).isEqualTo("Wilhelmina");
    }

    @Test
    void aGreetingBeforeASelfIntroductionNamesTheOtherParty() {
        Map<String, ProposedName> names = find("customer: Hello?", "rep: hi dana its sam from northwind");

        assertThat(names.get("customer").name()).isEqualTo("Dana");
        assertThat(names.get("rep").name()).isEqualTo("Sam");
    }

    @Test
    void aGreetingFollowedByHereIsTheSpeakersOwnName() {
        Map<String, ProposedName> names = find("rep: hi bruno here", "customer: Hello.");

        assertThat(names).containsOnlyKeys("rep");
        assertThat(names.get("rep").name()).isEqualTo("Bruno");
    }

    @Test
    void anOrganisationNamedInTheCallIsNoPersonsName() {
        Map<String, ProposedName> names = find(
                "rep: thank you for calling contoso this is ravi",
                "customer: hi contoso, I have a billing question");

        assertThat(names.get("rep").name()).isEqualTo("Ravi");
        assertThat(names.get("rep").addressed()).isZero();
    }

    @Test
    void twoNamesForOnePartyLowerItsConfidence() {
        Map<String, ProposedName> sure = find("rep: This is Nadia.", "customer: Hi Nadia.");
        Map<String, ProposedName> torn = find("rep: This is Nadia.", "customer: Hi Natalia.");

        assertThat(sure.get("rep").confidence()).isGreaterThan(0.9);
        assertThat(torn.get("rep").name()).isEqualTo("Nadia");
        assertThat(torn.get("rep").confidence()).isLessThan(0.6);
    }

    @Test
    void aSingleAddressIsLessSureThanAnIntroduction() {
        double addressed = find("rep: Hello.", "customer: Hi Beatriz.").get("rep").confidence();
        double introduced = find("rep: This is Beatriz.", "customer: Hello.").get("rep").confidence();

        assertThat(addressed).isLessThan(introduced).isGreaterThan(0.5);
    }

    @Test
    void aPlainImNameCountsOnlyEarlyInTheCall() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add("rep: We can look at the numbers.");
            lines.add("customer: Okay.");
        }
        lines.add("rep: I'm Horatio.");
        assertThat(find(lines.toArray(String[]::new))).isEmpty();
        assertThat(find("rep: I'm Horatio.", "customer: Okay.")).containsKey("rep");
    }

    @Test
    void aNameTwoPartiesClaimGoesToTheOneWithMoreEvidence() {
        Map<String, ProposedName> names = find(
                "rep: This is Imogen from Tailspin.",
                "customer: Thanks Imogen.",
                "rep: Thanks Imogen is fine.");

        assertThat(names.get("rep").name()).isEqualTo("Imogen");
        assertThat(names).doesNotContainKey("customer");
    }

    @Test
    void aThirdPartyIsAddressedAsTheOneWhoSpokeLast() {
        Map<String, ProposedName> names = find(
                "rep: This is Sam.",
                "customer: Hi Sam.",
                "customer-2: And I'm Greta from their finance team.",
                "rep: Welcome Greta.",
                "customer: Thanks.");

        assertThat(names.get("customer-2").name()).isEqualTo("Greta");
        assertThat(names.get("customer-2").addressed()).isEqualTo(1);
        assertThat(names).doesNotContainKey("customer");
    }

    @Test
    void sentenceCasedTextNeedsTheNameCapitalised() {
        assertThat(find("rep: Hi, this is brilliantly simple.", "customer: Yes.")).isEmpty();
        assertThat(find("rep: Hi, this is Brilliant.", "customer: Yes.")).isEmpty();
        assertThat(find("rep: hi, this is ottilie.", "customer: yes.").get("rep").name()).isEqualTo("Ottilie");
    }

    @Test
    void aSentencesFirstWordAloneNamesNobody() {
        assertThat(find("rep: Look, we can phase it.", "customer: Honestly, I doubt it.")).isEmpty();
        assertThat(find("rep: Hmm, Quintessa.", "customer: Okay.")).isEmpty();
        // but it adds to a name given otherwise
        double once = find("rep: This is Quintessa.", "customer: Hello.").get("rep").confidence();
        double twice = find("rep: This is Quintessa.", "customer: Quintessa, hello.").get("rep").confidence();
        double closing = find("rep: This is Quintessa.", "customer: That works for me, Quintessa.").get("rep")
                .confidence();
        assertThat(twice).isGreaterThan(once);
        assertThat(closing).isGreaterThan(once);
    }

    @Test
    void capitalisesEachPartOfAName() {
        assertThat(NameFinder.capitalise("mei-ling o'connor")).isEqualTo("Mei-Ling O'Connor");
        assertThat(NameFinder.capitalise("ms adebayo")).isEqualTo("Ms Adebayo");
    }

    @Test
    void anEmptyCallHasNoNames() {
        assertThat(finder.find(List.of())).isEmpty();
        assertThat(find("rep: ...", "customer: -")).isEmpty();
    }
}

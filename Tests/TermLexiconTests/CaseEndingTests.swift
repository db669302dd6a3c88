import Testing
import TermLexicon
import TextNormalization

/// Russian case forms on a small lexicon of its own: suffixes after a name ending in a consonant
/// (в Кабуле: the mention is the name), endings in place of a name's last letter (в Москве: the
/// mention is the word), both words of a name of two (Северного альянса), titles that decline
/// (муллы Омара), and what none may do.
@Suite("case endings")
struct CaseEndingTests {
    static let model: TaggingModel = {
        let small = lexicon(
            entities: """
                org:al-qaeda\torg\t\t\t
                org:fata\torg\t\t\t
                org:isis\torg\t\t\t
                org:northern-alliance\torg\t\t\t
                org:taliban\torg\t\t\t
                person:abdul-rashid-dostum\tperson\t\t\t
                person:ashraf-ghani\tperson\t\t\t
                person:kassym-jomart-tokayev\tperson\t\t\t
                person:mohammed-omar\tperson\t\t\t
                place:amu-darya\tplace\t\t\t
                place:central-asia\tplace\t\t\t
                place:china\tplace\t\t\t
                place:india\tplace\t\t\t
                place:kabul\tplace\t\t\t
                place:moscow\tplace\t\t\t
                place:sar-e-pol\tplace\t\t\t

                """,
            labels: """
                org:al-qaeda\tru\tpref\tАль-Каида\t\t
                org:fata\tru\tpref\tФАТА\tcs\t
                org:isis\tru\tpref\tИсламское государство\t\t
                org:northern-alliance\tru\tpref\tСеверный альянс\t\t
                org:taliban\tru\talt\tталибы\t\t
                person:abdul-rashid-dostum\tru\tpref\tАбдул Рашид Дустум\t\t
                person:abdul-rashid-dostum\tru\talt\tДустум\tweak\t
                person:ashraf-ghani\tru\tpref\tАшраф Гани\t\t
                person:kassym-jomart-tokayev\tru\tpref\tКасым-Жомарт Токаев\t\t
                person:kassym-jomart-tokayev\tru\talt\tТокаев\t\t
                person:mohammed-omar\tru\tpref\tМухаммед Омар\t\t
                person:mohammed-omar\tru\talt\tОмар\tweak\t
                place:amu-darya\tru\tpref\tАмударья\t\t
                place:central-asia\tru\tpref\tЦентральная Азия\t\t
                place:china\tru\tpref\tКитай\t\t
                place:india\tru\tpref\tИндия\t\t
                place:kabul\tru\tpref\tКабул\t\t
                place:moscow\tru\tpref\tМосква\tproper\t
                place:sar-e-pol\tru\tpref\tСари-Пуль\t\t

                """,
            affixes: """
                ru\tending\tа\tо\t
                ru\tending\tам\tы\t
                ru\tending\tами\tы\t
                ru\tending\tах\tы\t
                ru\tending\tов\tы\t
                ru\tending\tе\tа,я,й,ь,о\t
                ru\tending\tей\tя\t
                ru\tending\tем\tй,ь\t
                ru\tending\tи\tа,я,ь\t
                ru\tending\tого\tый,ий,ой,ое\t
                ru\tending\tой\tа,ая\t
                ru\tending\tом\tо,ый,ий,ой,ое\t
                ru\tending\tу\tа,о\t
                ru\tending\tы\tа\t
                ru\tending\tю\tя,й,ь\t
                ru\tending\tя\tй,ь\t
                ru\tsuffix\tа\tб,в,л,м,н,р,с,ф\t
                ru\tsuffix\tе\tб,в,л,м,н,р,с,ф\t
                ru\tsuffix\tом\tб,в,л,м,н,р,с,ф\t
                ru\tsuffix\tу\tб,в,л,м,н,р,с,ф\t
                ru\tsuffix\tым\tов,ев,ин\t
                ru\ttitle\tгенерал\t\t
                ru\ttitle\tмулла\t\t

                """)
        return try! TaggingModel(lexicon: small)
    }()

    @Test(arguments: [
        // an ending in place of the last letter: the whole word is the mention
        ("в Москве, из Москвы, в Москву, с Москвой",
         ["Москве|place:moscow|variant", "Москвы|place:moscow|variant", "Москву|place:moscow|variant",
          "Москвой|place:moscow|variant"]),
        ("из Индии, в Индию, с Индией", ["Индии|place:india|variant", "Индию|place:india|variant",
                                         "Индией|place:india|variant"]),
        ("из Китая, к Китаю, с Китаем, в Китае", ["Китая|place:china|variant", "Китаю|place:china|variant",
                                                   "Китаем|place:china|variant", "Китае|place:china|variant"]),
        ("боевики Аль-Каиды", ["Аль-Каиды|org:al-qaeda|variant"]),
        ("на Амударье, в Сари-Пуле", ["Амударье|place:amu-darya|variant", "Сари-Пуле|place:sar-e-pol|variant"]),
        // a suffix after a consonant: the name is the mention, the ending stays outside
        ("из Кабула, к Кабулу, над Кабулом, в Кабуле",
         ["Кабул|place:kabul|affixed", "Кабул|place:kabul|affixed", "Кабул|place:kabul|affixed",
          "Кабул|place:kabul|affixed"]),
        ("встреча с Токаевым", ["Токаев|person:kassym-jomart-tokayev|affixed"]),
        // a name of two words: both words decline (a suffix after the last stays outside)
        ("представители Северного альянса", ["Северного альянс|org:northern-alliance|affixed"]),
        ("в Центральной Азии", ["Центральной Азии|place:central-asia|variant"]),
        ("боевики Исламского государства, в Исламском государстве",
         ["Исламского государства|org:isis|variant", "Исламском государстве|org:isis|variant"]),
        ("встреча с Ашрафом Гани", ["Ашрафом Гани|person:ashraf-ghani|variant"]),
        // a plural name's case forms
        ("власть талибов, помощь талибам, с талибами, о талибах",
         ["талибов|org:taliban|variant", "талибам|org:taliban|variant", "талибами|org:taliban|variant",
          "талибах|org:taliban|variant"]),
        // a title declines like a name and supports the weak surname after it; the mention keeps it
        ("мулла Омар, муллы Омара, мулле Омару, с муллой Омаром",
         ["мулла Омар|person:mohammed-omar|exact", "муллы Омар|person:mohammed-omar|affixed",
          "мулле Омар|person:mohammed-omar|affixed", "муллой Омар|person:mohammed-omar|affixed"]),
        ("встреча с генералом Дустумом, слова генерала Дустума",
         ["генералом Дустум|person:abdul-rashid-dostum|affixed", "генерала Дустум|person:abdul-rashid-dostum|affixed"]),
        // a weak surname without a title stays unread; a word that only looks like a title's form
        ("Омар заявил, что муллаа Омар", []),
        // the nominative is the label
        ("Москва и Кабул", ["Москва|place:moscow|exact", "Кабул|place:kabul|exact"]),
        // an inflected proper label keeps its capital in mixed-case text
        ("Встреча в москве", []),
        // not a case form: a longer word, an ending the rules lack, an ending after a wrong letter
        ("москвичи в Кабулистане", []),
        ("Москвами и Кабулах", []),
        ("Индиа и Кабулы", []),
        // a case-sensitive label (an acronym) is written as it is
        ("ФАТЫ и ФАТА", ["ФАТА|org:fata|exact"]),
    ])
    func finds(text: String, expected: [String]) throws {
        #expect(tag(text, with: try CaseEndingTests.model.makeFinder()) == expected)
    }
}

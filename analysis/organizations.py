"""Organisations missing from the knowledge base, found by the shape of their names.

A name is a run of capitalised words around a capitalised *head noun* of organisations ("Institute",
"Comitato", "Cour", "Instytut", in any of its case forms), joined by the linking words of names ("of",
"for", "di", "des", "dla"): "Polish Economic Institute", "House Intelligence Committee", "Comitato Tecnico
Scientifico", "Sąd Najwyższy", "Institut für Weltwirtschaft". It needs at least two capitalised words, so
"the Committee" or a German noun alone ("das Institut") is no name; German, where every noun is
capitalised, needs "für" after the head ("Institut für Weltwirtschaft"), and Russian, which capitalises
only the first word of such names, gets none. Names run together with words that a sentence start
capitalises ("Czy Komisja") lose them. An acronym in brackets right after a name ("Comitato Tecnico
Scientifico (CTS)") names it wherever the document writes it.

Polish case forms are given back their nominative ("Sądu Najwyższego" -> "Sąd Najwyższy", "Polskiego
Instytutu Spraw Międzynarodowych" -> "Polski Instytut Spraw Międzynarodowych"): the head noun from a table
of its forms, the adjectives that agree with it from their endings; the complements after it stay as written.
"""
from __future__ import annotations

import re
from collections.abc import Callable

# Head nouns in their nominative forms, per language.
_HEADS = {
    "en": "institute institution agency committee commission council court bank fund foundation association union "
          "party ministry department office authority service organisation organization federation confederation "
          "corporation company group centre center university academy society league movement front board bureau "
          "chamber tribunal alliance coalition network observatory",
    "it": "istituto agenzia comitato commissione consiglio corte banca fondo fondazione associazione unione partito "
          "ministero dipartimento ufficio autorità servizio organizzazione federazione confederazione società gruppo "
          "centro università accademia lega movimento fronte camera tribunale procura alleanza coalizione ente "
          "osservatorio sindacato",
    "fr": "institut agence comité commission conseil cour banque fonds fondation association union parti ministère "
          "département office bureau autorité service organisation fédération confédération société groupe centre "
          "université académie ligue mouvement front chambre tribunal parquet alliance coalition observatoire syndicat",
    "de": "institut agentur ausschuss kommission rat gericht stiftung verband verein partei ministerium amt behörde "
          "bundesamt bundesministerium bundesanstalt zentrum gesellschaft akademie",
}
# Polish head nouns: nominative -> its case forms (genitive, dative, accusative, instrumental, locative).
_PL_HEADS = {
    "instytut": "instytutu instytutowi instytutem instytucie",
    "agencja": "agencji agencję agencją",
    "komitet": "komitetu komitetowi komitetem komitecie",
    "komisja": "komisji komisję komisją",
    "rada": "rady radzie radę radą",
    "sąd": "sądu sądowi sądem sądzie",
    "trybunał": "trybunału trybunałowi trybunałem trybunale",
    "bank": "banku bankowi bankiem",
    "fundusz": "funduszu funduszowi funduszem",
    "fundacja": "fundacji fundację fundacją",
    "stowarzyszenie": "stowarzyszenia stowarzyszeniu stowarzyszeniem",
    "związek": "związku związkowi związkiem",
    "partia": "partii partię partią",
    "ministerstwo": "ministerstwa ministerstwu ministerstwem ministerstwie",
    "urząd": "urzędu urzędowi urzędem urzędzie",
    "biuro": "biura biuru biurem",
    "służba": "służby służbie służbę służbą",
    "organizacja": "organizacji organizację organizacją",
    "federacja": "federacji federację federacją",
    "konfederacja": "konfederacji konfederację konfederacją",
    "spółka": "spółki spółce spółkę spółką",
    "grupa": "grupy grupie grupę grupą",
    "centrum": "",
    "uniwersytet": "uniwersytetu uniwersytetowi uniwersytetem uniwersytecie",
    "akademia": "akademii akademię akademią",
    "izba": "izby izbie izbę izbą",
    "prokuratura": "prokuratury prokuraturze prokuraturę prokuraturą",
    "sojusz": "sojuszu sojuszowi sojuszem",
    "koalicja": "koalicji koalicję koalicją",
    "ruch": "ruchu ruchowi ruchem",
    "inspekcja": "inspekcji inspekcję inspekcją",
}
_PL_HEAD_FORMS = {form: base for base, forms in _PL_HEADS.items() for form in [base, *forms.split()]}
_HEAD_FORMS = {lang: {word: word for word in words.split()} for lang, words in _HEADS.items()} | {"pl": _PL_HEAD_FORMS}
HEAD_WORDS: dict[str, frozenset[str]] = {lang: frozenset(forms) for lang, forms in _HEAD_FORMS.items()}
# Words that join the capitalised words of a name when a capitalised word follows them.
_LINKS = {
    "en": {"of", "for", "and", "the"},
    "it": {"di", "del", "della", "dello", "dei", "degli", "delle", "dell", "e", "per", "sul", "sulla"},
    "fr": {"de", "du", "des", "d", "la", "l", "et", "pour", "sur"},
    "de": {"für", "der", "des", "und"},
    "pl": {"i", "do", "dla", "ds"},
}
_CONJUNCTIONS = {"and", "e", "et", "und", "i"}
# Titles that follow an organisation's name and end it ("Judiciary Committee Chairman Jerrold Nadler").
_TITLES = set("""chairman chairwoman chair co-chair cochair member members ranking director president secretary spokesman
    spokeswoman spokesperson head chief leader minister rep sen gov representative senator deputy vice commissioner co
    presidente segretario direttore portavoce capo ministro président secrétaire directeur porte-parole chef ministre
    vorsitzender vorsitzende präsident präsidentin chefin sprecher sprecherin direktor minister ministerin prezes
    dyrektor przewodniczący przewodnicząca rzecznik szef minister""".split())
# Words a name does not start with although capitalised (articles, sentence openers).
_NOT_FIRST = {
    "en": {"the", "a", "an", "this", "that", "and", "but", "in", "on", "at", "for", "by", "with", "as", "if", "when"},
    "it": {"il", "lo", "la", "i", "gli", "le", "l", "un", "una", "e", "ma", "per", "con", "nel", "nella", "del",
           "della", "al", "alla", "dal", "dalla", "se", "anche"},
    "fr": {"le", "la", "les", "l", "un", "une", "des", "du", "de", "et", "mais", "pour", "avec", "au", "aux", "si"},
    "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "aber", "im", "am", "vom", "zum",
           "zur", "beim"},
    "pl": {"czy", "i", "a", "ale", "w", "we", "z", "ze", "na", "do", "od", "po", "przez", "dla", "to", "jak", "co",
           "że", "ten", "ta", "te", "jest", "był", "była", "nie", "też", "także", "według"},
}
# Polish adjective endings of a case, and the nominative ending they give back, by the head's gender.
_PL_ADJECTIVE = (("ego", {"m": "y", "n": "e"}), ("emu", {"m": "y", "n": "e"}), ("ej", {"f": "a"}),
                 ("ym", {"m": "y", "n": "e"}), ("im", {"m": "i", "n": "ie"}), ("ą", {"f": "a"}), ("ę", {"f": "a"}))
_PL_NOMINATIVE_ENDINGS = ("y", "i", "a", "e")
_PL_OBLIQUE_ENDINGS = ("ego", "ej", "emu", "ym", "im", "ą", "ę", "ych", "ich")
_ACRONYM = re.compile(r"\s*\(([A-ZÀ-ÖØ-ÞА-ЯЁ][A-Za-zÀ-ÖØ-öø-ÿА-ЯЁа-яё]{1,7})\)")


def find_organizations(text: str, lang: str | None, starts: list[int], ends: list[int], raws: list[str], *,
                       heads_at: list[int], taken: Callable[[int], bool], starts_sentence: Callable[[int], bool]
                       ) -> list[tuple[int, int, str]]:
    """(start, end, name) of the organisation names and their bracketed acronyms in a text, given its word
    tokens (offsets and surfaces) and the indexes of those that are head nouns in any case (``HEAD_WORDS``,
    ascending); ``taken(k)``: token k belongs to a mention already found (no name overlaps one);
    ``starts_sentence(k)``: token k opens a sentence.
    """
    heads = _HEAD_FORMS.get(lang or "")
    if not heads:
        return []
    links, not_first = _LINKS[lang], _NOT_FIRST[lang]
    n = len(raws)

    def capital(k: int) -> bool:
        raw = raws[k]
        return raw[0].isupper() and not raw.isupper() and not taken(k)

    gaps = (" ", "\u00a0", "'", "’", "-") if lang in ("de", "pl") else (" ", "\u00a0", "'", "’")

    def joined(k: int) -> bool:  # token k and k + 1 are one space, an apostrophe (de, pl: a hyphen) apart
        return text[ends[k]:starts[k + 1]] in gaps

    def name_word(k: int) -> bool:
        return capital(k) and raws[k].lower() not in _TITLES

    found: list[tuple[int, int, str]] = []
    acronyms: dict[str, str] = {}
    done = 0  # tokens before this one are inside a name already
    for k in heads_at:
        if k < done or not capital(k):
            continue
        first = k
        while (first > 0 and joined(first - 1) and capital(first - 1) and raws[first - 1].lower() not in not_first
               and (lang != "pl" or _pl_agrees(raws[first - 1], raws[k]))):
            first -= 1
        last = k
        while last + 1 < n and joined(last):
            link = raws[last + 1].lower()
            if name_word(last + 1):
                last += 1
            elif link in links and last + 2 < n and joined(last + 1) and name_word(last + 2) and not (
                    link in _CONJUNCTIONS and any(raws[j].lower() in heads for j in range(last + 2, min(n, last + 5)))):
                last += 2  # not over "and" to a second name ("the Dublin Unionist Party and the European ...")
            elif (link in links and link not in _CONJUNCTIONS and last + 3 < n and raws[last + 2].lower() in links
                  and joined(last + 1) and joined(last + 2) and name_word(last + 3)):  # "of the", "de la"
                last += 3
            else:
                break
        done = last + 1
        if lang == "de" and not (k + 2 <= last and raws[k + 1] == "für"):
            continue
        # a sentence's first word before the head: Italian and French names begin with their head ("Comitato
        # Tecnico", "Conseil d'État"), so it is no part of the name there
        while first < k and starts_sentence(first) and (raws[first].lower() in not_first or lang in ("it", "fr")):
            first += 1
        capitals = sum(raws[j][0].isupper() for j in range(first, last + 1))
        if capitals >= 2:
            name = _nominative(raws[first:last + 1], k - first, lang, text[starts[first]:ends[last]])
            found.append((starts[first], ends[last], name))
            acronym = _ACRONYM.match(text, ends[last])
            if acronym:
                acronyms[acronym.group(1)] = name
    for acronym, name in acronyms.items():
        for match in re.finditer(rf"(?<!\w){re.escape(acronym)}(?!\w)", text):
            found.append((match.start(), match.end(), name))
    found.sort()
    return [m for i, m in enumerate(found) if not i or m[0] >= found[i - 1][1]]


def _pl_agrees(word: str, head: str) -> bool:
    """``word`` can be an adjective agreeing with the Polish head noun: a nominative ending before a nominative
    head ("Najwyższa Izba"), an oblique one before an oblique head ("Polskiego Instytutu"), not "Sprawa Izby"."""
    nominative = _PL_HEAD_FORMS[head.lower()] == head.lower()
    return word.endswith(_PL_NOMINATIVE_ENDINGS if nominative else _PL_OBLIQUE_ENDINGS)


def _nominative(words: list[str], head: int, lang: str, written: str) -> str:
    """The name with its head noun and the adjectives agreeing with it in the nominative (Polish only)."""
    if lang != "pl":
        return written
    base = _PL_HEAD_FORMS[words[head].lower()]
    if base == words[head].lower():
        return written
    gender = "f" if base.endswith("a") else "n" if base.endswith(("o", "e", "um")) else "m"
    out = list(words)
    out[head] = words[head][0] + base[1:]
    for j in [*range(head - 1, -1, -1), *range(head + 1, len(words))]:
        adjective = _pl_adjective_nominative(words[j], gender)
        if adjective is None:
            if j > head:
                break
            continue
        out[j] = adjective
    return " ".join(out)


def _pl_adjective_nominative(word: str, gender: str) -> str | None:
    """Nominative of a Polish adjective in an oblique case agreeing with a head of ``gender`` (m, f, n)."""
    for ending, nominative in _PL_ADJECTIVE:
        if word.endswith(ending) and gender in nominative and len(word) > len(ending) + 2:
            stem, back = word[: -len(ending)], nominative[gender]
            if stem.endswith("i") and ending in ("ego", "emu", "ej"):  # Polskiego -> Polski, Wschodniego -> Wschodni
                stem = stem[:-1]
                hard = stem.endswith(("k", "g"))
                return stem + {"y": "i", "e": "ie", "a": "a" if hard else "ia"}[back]
            return stem + back
    return None

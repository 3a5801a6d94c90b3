"""People and organisations: matching names in a text to the atlas's actors, and
proposing new actors for the ones it does not know yet."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from unidecode import unidecode

from gasatlas.dataset.load import Dataset
from gasatlas.model.vocab import ActorKind
from gasatlas.news.extract.aliases import COUNTRY_ORGANISATIONS, ORGANISATION_ALIASES
from gasatlas.news.extract.phrases import QUOTES, Key, name_variants, phrase_keys
from gasatlas.news.extract.russian import lemma
from gasatlas.news.extract.units import fold, latin_key

RUSSIAN_CASE_ENDINGS = ("а", "у", "ом", "ым", "е", "ой", "ою", "ем", "ей", "ого", "ому")
"""What Russian declension adds to a surname or first name (Скляр → Скляром, Песков → Пескову)."""

MAX_ID_LENGTH = 80
LEGAL_FORM = re.compile(r"^(?:ПАО|ОАО|ЗАО|АО|ООО|ТОО|НК|АК|PJSC|JSC|LLP|LLC)\s+", re.IGNORECASE)


def organisation_name(name: str) -> str:
    """An organisation's name without its legal form and quotes: АО «КазТрансГаз» → КазТрансГаз."""
    return LEGAL_FORM.sub("", QUOTES.sub("", name)).strip()


@dataclass(frozen=True)
class ProposedActor:
    """A person or organisation named in the text but not in the atlas's actors table."""

    id: str
    kind: str
    name_en: str
    name_ru: str


@dataclass(frozen=True)
class PersonRef:
    actor_id: str


@dataclass(frozen=True)
class OrganisationRef:
    """An organisation name; ``by_country`` when the name is every country's ("Минэнерго")."""

    actor_id: str | None = None
    by_country: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class KnownActor:
    id: str
    kind: str
    name_en: str
    name_ru: str
    country: str | None


def same_name_word(text_word: str, known_word: str) -> bool:
    """Whether a word of a name in the text is a known name word, allowing Russian case
    endings that normalisation sometimes leaves ("Мирзиеева" for Мирзиёев)."""
    a, b = fold(text_word).rstrip("."), fold(known_word)
    if len(a) == 1:
        return b.startswith(a) or latin_key(b).startswith(a)  # an initial: "А. Новак", "J. Mirzamakhmudov"
    return a == b or latin_key(a) == latin_key(b) or any(a == b + ending for ending in RUSSIAN_CASE_ENDINGS)


def _initial(word: str) -> bool:
    """"С." or "С": an initial standing for a first name."""
    return len(word.rstrip(".")) == 1


def _same_person(a: str, b: str) -> bool:
    """Two spellings of one person: the same surname (allowing case endings) and first names that agree,
    where an initial agrees with any first name it begins ("С. Лавров" = "Сергей Лавров")."""
    x, y = a.split(), b.split()
    if not x or not y or not (same_name_word(x[-1], y[-1]) or same_name_word(y[-1], x[-1])):
        return False
    if len(x) == 1 or len(y) == 1:
        return True
    first_x, first_y = fold(x[0]).rstrip("."), fold(y[0]).rstrip(".")
    if _initial(x[0]) or _initial(y[0]):
        return first_x[:1] == first_y[:1]
    return same_name_word(first_x, first_y) or same_name_word(first_y, first_x)


def slug(text: str) -> str:
    """An id from a name in any script: "Альянс" → "alians" (the soft sign's apostrophe is dropped)."""
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", unidecode(text).lower())).strip("-")


class ActorBook:
    """The atlas's actors, looked up by the ways a text names them."""

    def __init__(self, atlas: Dataset) -> None:
        self.actors = {
            row.id: KnownActor(row.id, row.kind, row.name_en, row.name_ru, row.country or None)
            for row in atlas.actors.itertuples(index=False)
        }
        self.people = [a for a in self.actors.values() if a.kind == ActorKind.PERSON]

    def _with_surname(self, surname: str) -> list[KnownActor]:
        return [p for p in self.people if any(same_name_word(surname, n.split()[-1]) for n in (p.name_ru, p.name_en))]

    def person_named(self, name: str) -> str | None:
        """The known person a name means: full name (first name and surname agree), or a
        surname alone when exactly one known person has it."""
        words = name.split()
        if not words:
            return None
        candidates = self._with_surname(words[-1])
        if len(words) > 1:
            candidates = [p for p in candidates
                          if any(same_name_word(words[0], n.split()[0]) for n in (p.name_ru, p.name_en))]
        return candidates[0].id if len(candidates) == 1 else None

    def entries(self) -> Iterator[tuple[set[Key], PersonRef | OrganisationRef]]:
        """Phrases for people (full names; unique surnames with their case forms) and organisations."""
        surnames: dict[str, list[KnownActor]] = {}
        for person in self.people:
            for name in (person.name_en, person.name_ru):
                surnames.setdefault(fold(name.split()[-1]), []).append(person)
        for person in self.people:
            keys = phrase_keys(person.name_en) | phrase_keys(person.name_ru) | {
                tuple(latin_key(word) for word in key) for key in phrase_keys(person.name_en)}
            for name in (person.name_en, person.name_ru):
                surname = fold(name.split()[-1])
                if len({p.id for p in surnames[surname]}) == 1:
                    keys |= {(surname,), (latin_key(surname),),
                             *((surname + ending,) for ending in RUSSIAN_CASE_ENDINGS)}
            yield keys, PersonRef(person.id)
        for actor in self.actors.values():
            if actor.kind == ActorKind.ORGANISATION:
                names: Iterable[str] = [*name_variants(actor.name_en), *name_variants(actor.name_ru),
                                        *ORGANISATION_ALIASES.get(actor.id, ())]
                yield {key for name in names for key in phrase_keys(name, lemma)}, OrganisationRef(actor.id)
        for names, by_country in COUNTRY_ORGANISATIONS:
            known = tuple((iso3, actor_id) for iso3, actor_id in by_country.items() if actor_id in self.actors)
            if known:
                yield {key for name in names for key in phrase_keys(name, lemma)}, OrganisationRef(by_country=known)


class NewActors:
    """The people and organisations an article introduces, one id each however often named."""

    def __init__(self, book: ActorBook, full_names: Iterable[str]) -> None:
        self._book = book
        self._taken = set(book.actors)
        self._by_name: dict[tuple[str, str], ProposedActor] = {}
        self._full_names = [name for name in full_names if len(name.split()) > 1 and not _initial(name.split()[0])]

    def person(self, names: Sequence[str]) -> tuple[str, ProposedActor | None]:
        """The actor id a person's name stands for (``names``: its spellings, best first), and
        the proposal when it is a new person. A lone surname means the person named in full
        elsewhere in the article, if any."""
        for name in names:
            known = self._book.person_named(name)
            if known:
                return known, None
        words = names[0].split()
        if len(words) == 1 or _initial(words[0]):
            full = next((f for f in self._full_names if same_name_word(words[-1], f.split()[-1])
                         and (len(words) == 1 or fold(f)[:1] == fold(words[0])[:1])), None)
            if full is not None:
                return self.person([full])
        same = next((p for (kind, _), p in self._by_name.items() if kind == ActorKind.PERSON
                     and _same_person(names[0], p.name_ru)), None)
        if same is not None:
            return same.id, same
        return self._propose(ActorKind.PERSON, names[0])

    def organisation(self, name: str) -> tuple[str, ProposedActor]:
        return self._propose(ActorKind.ORGANISATION, organisation_name(name))

    def _propose(self, kind: str, name: str) -> tuple[str, ProposedActor]:
        key = (kind, fold(name))
        if key not in self._by_name:
            base = slug(name)[:MAX_ID_LENGTH - 3].strip("-")
            base = base if len(base) >= 2 else f"{base or 'x'}-{kind[:3]}"
            actor_id, number = base, 1
            while actor_id in self._taken:
                number += 1
                actor_id = f"{base}-{number}"
            self._taken.add(actor_id)
            self._by_name[key] = ProposedActor(actor_id, str(kind), unidecode(name), name)
        proposal = self._by_name[key]
        return proposal.id, proposal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import UserFactory
from vrijwilligers.talentenbeurs import queries, services
from vrijwilligers.talentenbeurs.models import Deelnemer, Gesprek

from .factories import DeelnemerFactory, TafelFactory, TalentenbeursFactory

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def register(beurs, user=None, **overrides):
    kwargs = {"talents": ["koken"], "wishes": ["werk"], "slots": [0, 1]} | overrides
    return services.deelnemer_register(beurs=beurs, user=user or UserFactory(), **kwargs)


def test_resident_registers_with_talents_wishes_and_slots():
    beurs = TalentenbeursFactory()
    deelnemer = register(beurs, talents=["koken", "klussen"], slots=[3, 1])
    deelnemer.refresh_from_db()
    assert deelnemer.talents == ["koken", "klussen"]
    assert deelnemer.wishes == ["werk"]
    assert deelnemer.slots == [1, 3]


def test_registering_twice_is_refused():
    beurs = TalentenbeursFactory()
    user = UserFactory()
    register(beurs, user)
    with pytest.raises(ValidationError) as error:
        register(beurs, user)
    assert codes(error.value) == {"al_aangemeld"}
    assert Deelnemer.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"talents": ["koken", "toveren"]}, "onbekend_talent"),
        ({"wishes": ["pensioen"]}, "onbekende_wens"),
        ({"slots": [4]}, "ronde_buiten_beurs"),
        ({"slots": [-1]}, "ronde_buiten_beurs"),
        ({"slots": ["x"]}, "ronde_buiten_beurs"),
        ({"slots": []}, "geen_rondes"),
    ],
)
def test_bad_registration_is_refused_with_a_code(overrides, code):
    beurs = TalentenbeursFactory(slot_count=4)
    with pytest.raises(ValidationError) as error:
        register(beurs, **overrides)
    assert codes(error.value) == {code}
    assert not Deelnemer.objects.exists()


def test_unverified_user_may_not_register():
    with pytest.raises(PermissionDenied):
        register(TalentenbeursFactory(), UserFactory(verified=False))


def test_closed_registration_is_refused():
    with pytest.raises(ValidationError) as error:
        register(TalentenbeursFactory(registration_open=False))
    assert codes(error.value) == {"aanmelden_dicht"}


def test_table_registration_and_its_rules():
    beurs = TalentenbeursFactory()
    contact = UserFactory()
    tafel = services.tafel_register(
        beurs=beurs,
        contact=contact,
        organisation="Buurtwerkplaats",
        offer_kinds=["stage"],
        sought_talents=["klussen"],
    )
    assert tafel.slots == [0, 1, 2, 3]
    with pytest.raises(ValidationError) as error:
        services.tafel_register(
            beurs=beurs,
            contact=contact,
            organisation="Ander",
            offer_kinds=["werk"],
            sought_talents=[],
        )
    assert codes(error.value) == {"al_tafel"}
    with pytest.raises(ValidationError) as error:
        services.tafel_register(
            beurs=beurs,
            contact=UserFactory(),
            organisation="buurtwerkplaats",
            offer_kinds=["werk"],
            sought_talents=[],
        )
    assert codes(error.value) == {"naam_bezet"}
    with pytest.raises(ValidationError) as error:
        services.tafel_register(
            beurs=beurs,
            contact=UserFactory(),
            organisation="Leeg",
            offer_kinds=[],
            sought_talents=[],
        )
    assert codes(error.value) == {"geen_aanbod"}


def test_schedule_by_organiser_respects_every_rule():
    organiser = UserFactory()
    beurs = TalentenbeursFactory(slot_count=4, max_per_resident=2)
    beurs.organisers.add(organiser)
    tafels = [TafelFactory(beurs=beurs, sought_talents=[t]) for t in ("koken", "klussen")]
    residents = [DeelnemerFactory(beurs=beurs, talents=["koken", "klussen"]) for _ in range(3)]
    late = DeelnemerFactory(beurs=beurs, talents=["koken"], slots=[3])

    result = services.beurs_schedule(beurs=beurs, by=organiser)

    talks = list(Gesprek.objects.filter(beurs=beurs))
    assert len(talks) == 7  # 3 residents x 2 tables + the late one once
    assert [t.slot for t in talks if t.deelnemer == late] == [3]
    assert {t.tafel for t in talks if t.deelnemer == late} == {tafels[0]}
    assert all(len([t for t in talks if t.deelnemer == r]) == 2 for r in residents)
    beurs.refresh_from_db()
    assert beurs.schedule_total == result.total == sum(t.score for t in talks)
    assert beurs.schedule_upper_bound == result.upper_bound
    assert beurs.schedule_gap == 0.0
    assert beurs.registration_open is False


def test_only_organisers_schedule_and_record_outcomes():
    beurs = TalentenbeursFactory()
    stranger = UserFactory()
    with pytest.raises(PermissionDenied):
        services.beurs_schedule(beurs=beurs, by=stranger)
    gesprek = Gesprek.objects.create(
        beurs=beurs,
        deelnemer=DeelnemerFactory(beurs=beurs),
        tafel=TafelFactory(beurs=beurs),
        slot=0,
        score=50,
    )
    with pytest.raises(PermissionDenied):
        services.gesprek_outcome_record(gesprek=gesprek, outcome="baan", by=stranger)
    beheer = UserFactory(groups=["beheer"])
    services.gesprek_outcome_record(gesprek=gesprek, outcome="baan", by=beheer)
    gesprek.refresh_from_db()
    assert gesprek.outcome == "baan"
    assert gesprek.outcome_by == beheer


def test_no_new_schedule_after_outcomes():
    organiser = UserFactory(groups=["beheer"])
    beurs = TalentenbeursFactory()
    DeelnemerFactory(beurs=beurs)
    TafelFactory(beurs=beurs)
    services.beurs_schedule(beurs=beurs, by=organiser)
    gesprek = Gesprek.objects.get()
    services.gesprek_outcome_record(gesprek=gesprek, outcome="stage", by=organiser)
    with pytest.raises(ValidationError) as error:
        services.beurs_schedule(beurs=beurs, by=organiser)
    assert codes(error.value) == {"al_uitkomsten"}
    assert Gesprek.objects.get().pk == gesprek.pk


def test_unknown_outcome_is_refused():
    organiser = UserFactory(groups=["beheer"])
    beurs = TalentenbeursFactory()
    gesprek = Gesprek.objects.create(
        beurs=beurs,
        deelnemer=DeelnemerFactory(beurs=beurs),
        tafel=TafelFactory(beurs=beurs),
        slot=0,
        score=50,
    )
    with pytest.raises(ValidationError) as error:
        services.gesprek_outcome_record(gesprek=gesprek, outcome="lotto", by=organiser)
    assert codes(error.value) == {"onbekende_uitkomst"}


def test_report_on_a_known_small_event():
    beurs = TalentenbeursFactory(slot_count=4)
    a, b = TafelFactory(beurs=beurs), TafelFactory(beurs=beurs)
    residents = [DeelnemerFactory(beurs=beurs) for _ in range(5)]
    outcomes = [
        # resident, table, slot, outcome
        (0, a, 0, "baan"),
        (0, b, 1, "geen"),
        (1, a, 1, "geen"),
        (1, b, 0, "vervolggesprek"),
        (2, a, 2, "geen"),
        (3, a, 3, "afwezig"),  # not there: not present, not held
        (4, b, 2, ""),  # not recorded yet
        (2, b, 3, "geen"),
    ]
    for index, tafel, slot, outcome in outcomes:
        Gesprek.objects.create(
            beurs=beurs,
            deelnemer=residents[index],
            tafel=tafel,
            slot=slot,
            score=10,
            outcome=outcome,
        )
    report = queries.beurs_report(beurs)
    assert report["registered"] == 5
    assert report["scheduled"] == 8
    assert report["held"] == 6
    assert report["present"] == 3
    assert report["matched"] == 2
    assert report["match_percent"] == 67
    by_kind = {row["code"]: row["count"] for row in report["by_kind"]}
    assert by_kind == {
        "baan": 1,
        "stage": 0,
        "vrijwilligerswerk": 0,
        "opleiding": 0,
        "vervolggesprek": 1,
        "geen": 4,
    }


def test_schedule_mails_residents_and_tables_after_commit(
    django_capture_on_commit_callbacks, mailoutbox
):
    organiser = UserFactory(groups=["beheer"])
    beurs = TalentenbeursFactory(title="Talentenbeurs Zuid")
    resident = DeelnemerFactory(beurs=beurs, user=UserFactory(email="ahmed@voorbeeld.nl"))
    left_out = DeelnemerFactory(beurs=beurs, talents=[], wishes=["opleiding"])
    tafel = TafelFactory(beurs=beurs, organisation="Bakkerij Zuid")
    with django_capture_on_commit_callbacks(execute=True):
        services.beurs_schedule(beurs=beurs, by=organiser)
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {"ahmed@voorbeeld.nl", left_out.user.email, tafel.contact.email}
    mine = by_address["ahmed@voorbeeld.nl"]
    assert mine.subject == "Je rooster voor Talentenbeurs Zuid staat klaar"
    assert "1 gesprek." in mine.body
    assert f"/talentenbeurs/{beurs.slug}/mijn-rooster/" in mine.body
    assert "geen gesprek inroosteren" in by_address[left_out.user.email].body
    assert "Bakkerij Zuid" in by_address[tafel.contact.email].body
    assert resident.gesprekken.count() == 1

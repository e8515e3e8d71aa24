"""The ``[assessment]`` settings: DOMAIN.md's defaults, their checks, reading and writing them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from roster.domain import (
    AssessmentSettings,
    CriterionMaxima,
    MissingRaterPolicy,
    NoActingDaysPolicy,
    RoleWeights,
    ScoringPolicy,
)
from roster.errors import InputError
from roster.io.scenario_reader import load_scenario
from roster.io.scenario_writer import scenario_toml, write_scenario

from .builders import write_scenario as write_test_scenario


def test_defaults_follow_the_domain() -> None:
    """85 %, threshold scoring, B doubled without acting days, a missing rater refused, 70,
    200 yuan, 20 %, 6 months; B1-B5 15/10/10/7.5/7.5; manager/director/employees 0.4/0.3/0.3."""
    s = AssessmentSettings()
    assert (s.threshold, s.scoring, s.no_acting_days, s.missing_rater) == (
        Decimal("0.85"), ScoringPolicy.THRESHOLD, NoActingDaysPolicy.DOUBLE_B,
        MissingRaterPolicy.ERROR)
    assert (s.remove_below, s.allowance, s.commission_rate, s.min_leader_months) == (
        70, 200, Decimal("0.20"), 6)
    assert s.criteria.as_dict() == {"B1": 15, "B2": 10, "B3": 10, "B4": Decimal("7.5"),
                                    "B5": Decimal("7.5")}
    assert (s.role_weights.manager, s.role_weights.director, s.role_weights.employee) == (
        Decimal("0.4"), Decimal("0.3"), Decimal("0.3"))


def test_criteria_must_add_up_to_50() -> None:
    with pytest.raises(ValidationError, match="must add up to 50, got 55"):
        CriterionMaxima(B1=Decimal(20))


def test_role_weights_must_add_up_to_1() -> None:
    with pytest.raises(ValidationError, match=r"must add up to 1, got 1\.1"):
        RoleWeights(manager=Decimal("0.5"))


@pytest.mark.parametrize("field", ["threshold", "commission_rate"])
def test_rates_within_0_and_1(field: str) -> None:
    with pytest.raises(ValidationError):
        AssessmentSettings(**{field: Decimal("1.5")})


def test_scenario_without_assessment_gets_the_defaults(tmp_path: Path) -> None:
    assert load_scenario(write_test_scenario(tmp_path)).assessment == AssessmentSettings()


def test_assessment_table_is_read(tmp_path: Path) -> None:
    toml = ('\n[assessment]\nthreshold = 0.8\nscoring = "linear"\nno_acting_days = "zero_a"\n'
            'missing_rater = "share"\nremove_below = 60\nallowance = 250\n'
            "commission_rate = 0.25\nmin_leader_months = 3\n"
            "[assessment.criteria]\nB1 = 20\nB2 = 5\n"
            "[assessment.role_weights]\nmanager = 0.5\ndirector = 0.25\nemployee = 0.25\n")
    s = load_scenario(write_test_scenario(tmp_path, toml)).assessment
    assert (s.threshold, s.scoring, s.no_acting_days, s.missing_rater, s.remove_below,
            s.allowance, s.commission_rate, s.min_leader_months) == (
        Decimal("0.8"), ScoringPolicy.LINEAR, NoActingDaysPolicy.ZERO_A, MissingRaterPolicy.SHARE,
        60, 250, Decimal("0.25"), 3)
    assert s.criteria.B1 == 20 and s.criteria.B2 == 5 and s.role_weights.manager == Decimal("0.5")


def test_assessment_mistakes_name_the_key_and_line(tmp_path: Path) -> None:
    toml = '\n[assessment]\nscoring = "lin"\n[assessment.criteria]\nB6 = 1\n'
    with pytest.raises(InputError) as info:
        load_scenario(write_test_scenario(tmp_path, toml))
    message = str(info.value)
    assert "scenario.toml, row 15: assessment.scoring: Input should be 'threshold' or " \
           "'linear', got 'lin'" in message
    assert "unknown key 'assessment.criteria.B6'; known keys here: B1, B2, B3, B4, B5" in message


def test_writer_round_trips_non_default_settings(tmp_path: Path) -> None:
    """A scenario with its own [assessment] is written with it and reads back equal; with the
    defaults, no [assessment] table is written."""
    base = load_scenario(write_test_scenario(tmp_path / "a"))
    assert "[assessment]" not in scenario_toml(base)
    own = base.model_copy(update={"assessment": AssessmentSettings(
        threshold=Decimal("0.9"), scoring=ScoringPolicy.LINEAR,
        criteria=CriterionMaxima(B1=Decimal("12.5"), B2=Decimal("12.5")),
        allowance=Decimal("199.99"))})
    write_scenario(own, tmp_path / "b")
    assert load_scenario(tmp_path / "b").assessment == own.assessment

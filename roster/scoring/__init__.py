"""Scoring finished rosters: the senior leader's monthly assessment and eligibility (DOMAIN.md).

Pure arithmetic on the scenario, a roster and the month's ledgers (:mod:`roster.ledgers`);
readers are in :mod:`roster.io.assessment_reader`, renderers in :mod:`roster.scoring.report`.
"""

from roster.scoring.assessment import (
    CenterAssessment,
    CriterionScore,
    DepartmentAssessment,
    ExcludedOrders,
    Period,
    RatioScore,
    RoleMean,
    acting_dates,
    agents_on_duty,
    assess,
    commission,
    decide,
    part_b,
    ratio_points,
    role_weights,
    total_points,
)
from roster.scoring.eligibility import (
    JUDGEMENT_CRITERIA,
    Candidate,
    CenterCandidates,
    Eligibility,
    PersonalRank,
    Standing,
    TeamMonth,
    Tenure,
    eligibility,
    months_between,
    standing,
)

__all__ = [
    "JUDGEMENT_CRITERIA",
    "Candidate",
    "CenterAssessment",
    "CenterCandidates",
    "CriterionScore",
    "DepartmentAssessment",
    "Eligibility",
    "ExcludedOrders",
    "Period",
    "PersonalRank",
    "RatioScore",
    "RoleMean",
    "Standing",
    "TeamMonth",
    "Tenure",
    "acting_dates",
    "agents_on_duty",
    "assess",
    "commission",
    "decide",
    "eligibility",
    "months_between",
    "part_b",
    "ratio_points",
    "role_weights",
    "standing",
    "total_points",
]

"""Customer insight in organisation exports: access points and their hours, every contact (the
export is lossless; contacts are streamed, see `stream`), the tallies, feedback and standards.

The national service list and area classification are shared: nothing points at them by key
(contacts carry codes), so they are written only when an organisation's rows name them.
"""

from __future__ import annotations

from stocktake.exchange.tables import Table

from .models import (
    AccessPoint,
    Area,
    Contact,
    ContactAreaMonth,
    ContactDay,
    ContactLoad,
    ContactMonth,
    ContactUpload,
    Feedback,
    OpeningException,
    OpeningSession,
    PeerSatisfaction,
    SamplingPeriod,
    ServiceStandard,
    ServiceType,
    ShoppingCheck,
    ShoppingExercise,
)

TABLES = [
    Table(
        "customers.servicetype",
        ServiceType,
        lambda org: ServiceType.objects.none(),
        key=("code",),
        shared=True,
    ),
    Table("customers.area", Area, lambda org: Area.objects.none(), key=("code",), shared=True),
    Table(
        "customers.accesspoint",
        AccessPoint,
        lambda org: AccessPoint.objects.filter(organisation=org),
    ),
    Table(
        "customers.openingsession",
        OpeningSession,
        lambda org: OpeningSession.objects.filter(access_point__organisation=org),
        key=(),
    ),
    Table(
        "customers.openingexception",
        OpeningException,
        lambda org: OpeningException.objects.filter(access_point__organisation=org),
        key=(),
    ),
    Table(
        "customers.contactload",
        ContactLoad,
        lambda org: ContactLoad.objects.filter(organisation=org),
    ),
    # Hundreds of thousands a year: read, written and loaded in chunks, never all at once.
    Table(
        "customers.contact",
        Contact,
        lambda org: Contact.objects.filter(organisation=org),
        stream=True,
    ),
    Table(
        "customers.samplingperiod",
        SamplingPeriod,
        lambda org: SamplingPeriod.objects.filter(organisation=org),
    ),
    # The tallies follow from the contacts, but are kept as they are so the round trip is exact.
    Table(
        "customers.contactday",
        ContactDay,
        lambda org: ContactDay.objects.filter(organisation=org),
        key=(),
    ),
    Table(
        "customers.contactmonth",
        ContactMonth,
        lambda org: ContactMonth.objects.filter(organisation=org),
        key=(),
    ),
    Table(
        "customers.contactareamonth",
        ContactAreaMonth,
        lambda org: ContactAreaMonth.objects.filter(organisation=org),
        key=(),
    ),
    Table("customers.feedback", Feedback, lambda org: Feedback.objects.filter(organisation=org)),
    Table(
        "customers.peersatisfaction",
        PeerSatisfaction,
        lambda org: PeerSatisfaction.objects.filter(organisation=org),
    ),
    Table(
        "customers.servicestandard",
        ServiceStandard,
        lambda org: ServiceStandard.objects.filter(organisation=org),
    ),
    Table(
        "customers.shoppingexercise",
        ShoppingExercise,
        lambda org: ShoppingExercise.objects.filter(organisation=org),
    ),
    Table(
        "customers.shoppingcheck",
        ShoppingCheck,
        lambda org: ShoppingCheck.objects.filter(exercise__organisation=org),
    ),
    # Uploads on the web and their outcomes; the files themselves are deleted once loaded.
    Table(
        "customers.contactupload",
        ContactUpload,
        lambda org: ContactUpload.objects.filter(organisation=org),
    ),
]

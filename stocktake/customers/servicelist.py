"""A compact standard list of council services for describing contacts, in the spirit of the
Local Government Service List (our own wording and codes, not a copy of it)."""

SERVICES: tuple[tuple[str, str], ...] = (
    ("BIN", "Bins, recycling and waste collection"),
    ("BULKY", "Bulky waste collection"),
    ("STREET", "Street cleaning, litter and fly-tipping"),
    ("CTAX", "Council Tax"),
    ("BENEFIT", "Housing Benefit and Council Tax support"),
    ("NNDR", "Business rates"),
    ("PLAN", "Planning applications and advice"),
    ("BCTRL", "Building control"),
    ("HOUSING", "Council housing and tenancies"),
    ("HOMELESS", "Homelessness and housing advice"),
    ("REPAIR", "Housing repairs"),
    ("LICENCE", "Licences and permits"),
    ("ENVHEALTH", "Environmental health, noise and pollution"),
    ("FOOD", "Food safety and hygiene"),
    ("PARKING", "Parking, permits and penalty charges"),
    ("ROADS", "Roads, pavements and street lighting"),
    ("ELECTION", "Electoral registration and elections"),
    ("LEISURE", "Leisure centres, parks and open spaces"),
    ("LIBRARY", "Libraries"),
    ("PAYMENT", "Payments and invoices"),
    ("COMPLAINT", "Complaints, comments and compliments"),
    ("COUNCIL", "Councillors, meetings and democracy"),
    ("COMMUNITY", "Community safety and grants"),
    ("OTHER", "Other council services"),
)

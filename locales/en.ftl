## Welcome and consent

welcome =
    Hello! I help teachers grow professionally.

    What you can do here:
    • take a short self-diagnostic of your professional competencies (about 10 minutes);
    • see your profile: strengths and gaps, with a chart;
    • then get an individual learning path and support from a methodologist or mentor.

    The bot is part of the regional system of methodological support for teachers, run by the regional centre for teachers' professional development (CNPPM).

consent-text =
    Consent to the processing of personal data

    What we store: your full name, position, municipality and organisation, subjects, years of experience, age group, diagnostic answers and results, and your Telegram user ID.

    Why: to show your competency profile and to match you with professional development programmes and support.

    Who can see it: you, your assigned methodologist and the coordinators of the regional centre (CNPPM). Regional reports use the data only in aggregated form.

    How to withdraw: the /forget command deletes all your data immediately and completely.

    Until you give consent, I store nothing about you. Legal basis: Federal Law No. 152-FZ on Personal Data.

button-consent-yes = I give consent
button-consent-no = I do not consent
consent-thanks = Thank you! Now let's fill in a short profile: 7 questions.
consent-declined = All right, I'm not saving anything. If you change your mind, press /start.
need-start = Let's get acquainted: press /start.
welcome-back = Welcome back, { $name }!

## Profile

profile-continue = Your profile isn't complete yet. Let's start with the first question.
profile-ask-name = What is your name? Please write your surname, first name and patronymic.
profile-name-invalid = I couldn't read the name. Please use letters only, for example: Ivanova Maria Petrovna.
profile-need-text = Please reply with text.
profile-use-buttons = Please choose an answer using the buttons below the question.
profile-ask-position = What is your position?
position-teacher = Teacher
position-head = Head of organisation
position-deputy = Deputy head
position-unit-head = Head of department
profile-ask-municipality = Choose your municipality or type the first letters of its name.
profile-municipality-type = Type a few letters of the municipality's name or choose it with a button.
profile-municipality-not-found = No such municipality found. Try other letters, for example "Shil".
profile-search-results = Found: { $count }. Please choose one.
profile-ask-organization = Choose your organisation ({ $municipality }) or type a few letters of its name.
profile-organization-type = Type a few letters of the organisation's name or choose it with a button.
profile-organization-not-found = This organisation isn't on the list. Choose one from the list or press "My organisation isn't listed".
button-organization-missing = My organisation isn't listed
profile-ask-organization-name = Please write the full name of your organisation. A CNPPM specialist will check it and add it to the directory.
profile-organization-name-invalid = The name must be 3 to 200 characters long.
profile-organization-review = { $name } (under review)
profile-ask-subjects = What do you teach? You can choose several, then press "Done".
profile-subjects-none = Please choose at least one option.
profile-subjects-empty = not specified
button-done = Done
profile-ask-experience = How many full years have you worked as a teacher? Choose a button or type a number.
button-first-year = First year
profile-experience-invalid = Please type a number from 0 to 60, for example: 7.
profile-ask-age = How old are you?
age-under-25 = under 25
age-25-29 = 25–29
age-30-34 = 30–34
age-35-44 = 35–44
age-45-54 = 45–54
age-55 = 55 and over
profile-saved = Profile saved.
profile-next = The next step is the self-diagnostic. It will show which competencies are already strong and which are worth developing.
profile-young-teacher =
    You are a young teacher: you are entitled to support from a mentor and a methodologist.
    Start with the self-diagnostic: its results will make it easier to find the right help.
profile-young-note = You are a young teacher (under 35 and in your first three years of work).
profile-finish-first = Let's finish the profile first, there's not much left. To exit without saving: /cancel.
profile-finish-first-short = Let's finish the profile first
profile-cancelled = Profile setup stopped; your answers were not saved. You can come back from the menu.
profile-too-many-tries = Let's take a break. You can fill in the profile later from the menu.
profile-needed = Please fill in your profile first: it's needed to choose the right diagnostic.
profile-summary =
    Your profile

    Full name: { $name }
    Position: { $position }
    Municipality: { $municipality }
    Organisation: { $organization }
    Subjects: { $subjects }
    Experience: { $experience }
    Age: { $age }

## Menu

menu-title = Main menu. What shall we do?
button-menu = Menu
button-fill-profile = Fill in profile
button-start-diagnostic = Take the diagnostic
button-retake-diagnostic = Take the diagnostic again
button-continue-diagnostic = Resume diagnostic ({ $n } of { $total })
button-results = My results
button-profile = My profile
button-edit-profile = Edit profile
button-forget = Delete my data
button-page-back = ◀ Back
button-page-next = Next ▶

## Diagnostic

diagnostic-offer = The self-diagnostic takes about 10 minutes. Shall we start?
diagnostic-intro =
    Self-diagnostic: { $total } questions, about { $minutes } minutes.

    Answer the way things usually are at work: the result is for you, not for an evaluation. You can go back to the previous question or take a pause: answers are saved immediately.
diagnostic-in-progress = You have an unfinished diagnostic: question { $n } of { $total }. Shall we continue?
diagnostic-paused = Paused. Answers saved: { $n } of { $total }. You can continue any time from the menu.
diagnostic-outdated = The diagnostic questions have been updated, so we'll start again.
diagnostic-no-instrument = There is no diagnostic for your position yet. We'll let you know when it's available.
button-continue = Continue
button-restart = Start over
button-back = ← Back
button-pause = Pause
question-progress = Question { $n } of { $total } · { $group }
question-scale-prompt = How well does this describe you?
question-your-answer = Your answer: { $answer }
question-previous-answer = Previous answer: { $answer }. Please choose again.
question-already-answered = You have already answered this question
question-use-buttons = To answer, press a button below the question. Here is the current question:

## Results

result-title = The diagnostic is complete. Thank you!
result-scores = Your profile (scores out of 100):
result-scores-with-change = Your profile (scores out of 100; change since last time in brackets):
level-deficit = gap
level-develop = worth developing
level-confident = confident level
result-deficit-groups = What usually lies behind a deficit:
result-main-deficits = What to work on first:
result-no-deficits = No clear gaps: an excellent result. Your experience could be useful to colleagues.
result-levels-explained = 🔴 gap: support needed; 🟡 worth developing; 🟢 confident level.
chart-title = Competency profile
chart-caption = Your competency profile
chart-previous = last time

## Data deletion

forget-confirm = Delete all your data: profile, answers and diagnostic results? This cannot be undone.
button-forget-yes = Yes, delete everything
button-forget-no = No, keep it
forget-done = Done: all your data has been deleted. If you want to come back, press /start.
forget-kept = All right, I'm not deleting anything.
forget-nothing = I don't have any of your data.

## General

help =
    Commands:
    /menu — main menu
    /diagnostic — take or continue the diagnostic
    /results — my results
    /profile — my profile
    /privacy — what data is stored and why
    /forget — delete my data
    /cancel — exit profile setup
unknown-command = I don't know that command. List of commands: /help
only-text = I understand text and buttons. Open the menu:
use-menu = Choose an action in the menu:
button-stale = This button no longer works
error-generic = Something went wrong. Please try again a little later; your answers are saved.

command-start = Start
command-menu = Main menu
command-diagnostic = Diagnostic
command-results = My results
command-profile = My profile
command-help = Help
command-privacy = My data and consent
command-forget = Delete my data

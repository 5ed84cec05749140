## Welcome and consent

welcome =
    Hello! I help teachers grow professionally.

    What you can do here:
    • take a short self-diagnostic of your professional competencies (about 10 minutes);
    • see your profile: strengths and gaps, with a chart;
    • then get an individual learning path and support from a methodologist or mentor.

    The bot is part of the regional system of methodological support for teachers, run by the regional centre for teachers' professional development (CNPPM).

consent-text =
    { $consented ->
        [yes] Your data and consent
       *[no] Consent to the processing of personal data
    }

    What we store:
    • your profile: full name, position, municipality and organisation, subjects, years of experience, age group;
    • your Telegram user ID and username (@username), if you have one;
    • diagnostic answers and results;
    • your learning route: items, due dates, completion marks, certificate numbers and your reflections on what you completed;
    • your methodologist's recommendations and route comments;
    • mentoring: requests and the topics you need help with; if you are a mentor, your strengths and number of places; pairs, goals, meetings with notes, monthly "did you meet" check-ins, ratings and feedback at closing;
    • reminder and digest settings, the chosen language, time zone, when you last wrote to the bot and whether messages reach you;
    • for methodologists and coordinators: the role, assigned municipalities and entries in the action log.

    Why: to show your competency profile and to match you with professional development programmes, a mentor and support.

    Who can see it:
    • you;
    • your assigned methodologist: your profile, diagnostic results, route and its progress, recommendations, mentoring pairs and the number of meetings;
    • the coordinators of the regional centre (CNPPM), for support and reports; regional reports use the data only in aggregated form;
    • a mentor your request goes to: your full name, organisation and what you need help with; once the pair is made, also your Telegram contact (@username or a profile link), your route items (to choose the pair's goals) and the pair's meetings;
    • if you are a mentor: teachers looking for a mentor see your full name, organisation, subjects and strengths (no contacts); your mentee, once the pair is made, also sees your Telegram contact.

    How long: everything above is kept until you delete your data. The texts of notifications and broadcasts the bot sent are kept for { $days } { $days ->
        [one] day
       *[other] days
    }, then deleted from the bot's database (they stay in your chat with the bot).

    How to withdraw: the /forget command deletes all your data immediately and completely, and removes your name and contacts from messages to other people not yet sent (such as a methodologist's digest).

    { $consented ->
        [yes] You have already given consent. You can withdraw it at any time with /forget.
       *[no] Until you give consent, I store nothing about you.
    } Legal basis: Federal Law No. 152-FZ on Personal Data.

button-consent-yes = I give consent
button-consent-no = I do not consent
consent-thanks = Thank you! Now let's fill in a short profile: 7 questions.
consent-declined = All right, I'm not saving anything. If you change your mind, press /start.
need-start = Let's get acquainted: press /start.
welcome-back = Welcome back, { $name }!
welcome-back-unnamed = Welcome back!

## Profile

profile-continue = Your profile isn't complete yet. Let's start with the first question.
profile-ask-name = What is your name? Please write your surname, first name and patronymic.
profile-name-invalid = I couldn't read the name. Please use letters only, for example: Ivanova Maria Petrovna.
profile-name-single-word = That is only a first name. Please write your surname, first name and patronymic, for example: Ivanova Maria Petrovna.
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
experience-years = { $n ->
        [0] less than a year
        [one] { $n } year
       *[other] { $n } years
    }
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
profile-left-for-panel = Profile editing stopped; your previous profile is kept.
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
    Self-diagnostic: { $total } { $total ->
        [one] question
       *[other] questions
    }, about { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }.

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
result-title-latest = Your latest result: the diagnostic of { $date }
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

forget-confirm =
    Delete all your data? Everything the bot stores about you will be deleted:
    • your profile, Telegram user ID and username, settings;
    • diagnostic answers and results;
    • routes with completion marks, certificate numbers and reflections;
    • your methodologist's recommendations and comments;
    • mentoring: requests, pairs, goals, meetings with notes, check-ins, ratings and feedback; your pairs will end and the other member will be told (without your name);
    • roles and assigned municipalities, if you are a methodologist or coordinator;
    • the texts of messages the bot sent you or is about to send.
    Your name and contact will be removed from messages to other people not yet sent (such as a methodologist's digest).

    This cannot be undone.
button-forget-yes = Yes, delete everything
button-forget-no = No, keep it
forget-done = Done: all your data has been deleted. If you want to come back, press /start.
forget-kept = All right, I'm not deleting anything.
forgotten-name = [name deleted]
forget-nothing = I don't have any of your data.

## General

help =
    Commands:
    /menu — main menu
    /diagnostic — take or continue the diagnostic
    /results — my results
    /route — my learning route
    /mentoring — mentoring
    /profile — my profile
    /privacy — what data is stored and why
    /settings — reminders and language (Язык)
    /forget — delete my data
    /cancel — leave an open form or pause the diagnostic
    Methodologists: /teachers — my teachers. Coordinators: /admin.
unknown-command = I don't know that command. List of commands: /help
cancel-nothing = There is nothing to cancel: no form is open.
cancel-diagnostic = The diagnostic is paused. Answers saved: { $n } of { $total }. Continue any time: /diagnostic or the button below.
only-text = I understand text, buttons and commands. What shall we do?
use-menu = Here I understand buttons and commands. What shall we do?
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

## Individual learning route

button-build-route = Build my route
button-route = My route
button-route-back = ← Back to route
button-route-confirm = ✅ Confirm route
button-route-hours = { $hours } h
button-format-any = Any format
button-format-in_person = In person
button-format-distance = Online
button-format-blended = Blended
button-draft-item = No. { $n }
button-draft-drop = ✕ Remove item { $n }
button-draft-alt = ↻ Replace item { $n }
button-draft-back = ← Back to the draft
button-draft-reset = ↺ Back to the original
button-route-xlsx = 📄 Download route (XLSX)
button-item-start = ▶️ Starting
button-item-done = ✅ Done
button-item-skip = Skip
button-item-reopen = Back to plan
button-cancel = Cancel

format-any = any
format-in_person = in person
format-distance = online
format-blended = blended

kind-advanced = Training programme
kind-retraining = Retraining
kind-seminar = Seminar
kind-webinar = Webinar
kind-workshop = Workshop
kind-master_class = Master class
kind-internship = Internship
kind-self_study = Self-study
kind-community = Professional community

reason-formal-for-deficit = a programme from the Federal Register that addresses the gap
reason-practice-for-develop = practice to develop the competency
reason-practice-for-deficit = practice to complement the programme
reason-subject = in your subject
reason-format = a format that suits you
reason-regional = held in our region
reason-dates = dates fit the route
reason-focused = exactly on this topic

status-planned = planned
status-in_progress = in progress
status-done = done
status-skipped = skipped

route-draft-title = Draft route: { $from } – { $to }
route-draft-summary = Format: { $format } · { $count } { $count ->
        [one] item
       *[other] items
    }, { $hours } h of { $budget } h
route-item-line = { $n }. { $kind }: "{ $title }" — { $provider } · { $format } · { $hours } h · by { $due }
route-why = Why: { $reasons }
route-covered = { $group }: covered by an item chosen above, which also includes this topic.
route-unserved-no-match = No suitable programmes or events yet: { $groups }. We will pass the request on to the CNPPM.
route-unserved-budget = Not enough hours: { $groups }. Raise the hour limit with the button below.
route-draft-hint = To remove or replace an item, press its number. Choose the format and the hour limit with the buttons below. When you're happy, confirm the route.
route-draft-empty = There are no items left in the route. Choose another format or hour limit, or go back to the original.
route-draft-edits-kept = Your edits ({ $count } { $count ->
        [one] change
       *[other] changes
    }) are kept if you change the format or the hours.
route-draft-chosen-left = { $count ->
        [one] { $count } replacement you chose does not fit the hour limit. It comes back if you raise the limit.
       *[other] { $count } replacements you chose do not fit the hour limit. They come back if you raise the limit.
    }
route-draft-selected = Item { $n }: "{ $title }". Remove it or replace it with another?
route-off-format-all = { $code ->
        [in_person] No in-person programmes or events
        [distance] No online programmes or events
       *[blended] No blended programmes or events
    } fit your gaps (or the hour limit) — other formats are shown.
route-off-format-some = { $code ->
        [in_person] No in-person programmes or events
        [distance] No online programmes or events
       *[blended] No blended programmes or events
    } were found for: { $groups }. Other formats are shown for them.
route-needs-diagnostic = The route is based on your diagnostic results. Please take the diagnostic first: it takes about 10 minutes.
route-no-deficits = Your diagnostic shows no clear gaps, so you don't need a route. Excellent work!
route-replaces-active = You already have a route. The new one will replace it once you confirm it.
route-no-alternative = There are no other suitable options in the catalogue
route-confirmed = Your route is confirmed. Mark what you have started and completed, and I'll track your progress.
route-active-title = My route (until { $to })
route-progress = Done { $done } of { $count } · { $percent } · { $hoursDone } of { $hoursTotal } h
route-due = by { $due }
route-overdue = overdue since { $due }
route-open-item = Press an item number to open it and mark it as done.
route-item-heading = Item { $n } of { $count } · { $group }
route-item-provider = Provider: { $provider }
route-item-format = Format: { $format } · { $hours } h
route-item-dates = Dates: { $from } – { $to }
route-item-site = Venue: { $site } ({ $organization })
route-item-due = Deadline: { $due }
route-item-overdue = ⚠️ Overdue: { $due }
route-item-link = Details and registration: { $url }
route-item-status = Status: { $status }
route-item-certificate = Certificate: { $evidence }
route-item-reflection = Your feedback: { $evidence }
route-completed = Route completed: congratulations! Take the diagnostic again to see how your gaps have changed.
result-route-changes = How the competencies you worked on in your route have changed:

evidence-ask-certificate = Great! Please enter the number of your certificate of advanced training for the programme "{ $title }".
evidence-ask-reflection = Great! In two or three sentences, please tell us what you found useful in "{ $title }".
evidence-certificate-invalid = The certificate number should be { $min } to { $max } { $max ->
        [one] character
       *[other] characters
    } long. Please enter it again.
evidence-reflection-invalid = Please write { $min } to { $max } { $max ->
        [one] character
       *[other] characters
    }.
evidence-finish-first = Please type your answer or press "Cancel".
evidence-finish-first-short = Please answer the question above first
evidence-cancelled = Not saved. The item remains in your route.
evidence-saved = Marked as done. Thank you!
evidence-too-many-tries = Let's come back to this later. The item remains in your route.

xlsx-title = Teacher's individual learning route
xlsx-draft = Draft
xlsx-confirmed = Confirmed by the teacher { $date }
xlsx-approved = Approved by the methodist { $date }
xlsx-name = Full name
xlsx-position = Position
xlsx-organization = Organisation
xlsx-municipality = Municipality
xlsx-experience = Teaching experience, years
xlsx-age = Age
xlsx-period = Period
xlsx-diagnostic = Diagnostic of professional gaps, { $date }
xlsx-col-competency = Competency
xlsx-col-kind = Type
xlsx-col-title = Programme or event
xlsx-col-provider = Provider
xlsx-col-format = Format
xlsx-col-hours = Hours
xlsx-col-due = Deadline
xlsx-col-status = Status
xlsx-col-evidence = Evidence
xlsx-total = Total hours
xlsx-done-hours = Hours completed
xlsx-unserved = Gaps with no suitable programmes in the catalogue
xlsx-sign-teacher = Teacher
xlsx-sign-methodist = Methodologist
xlsx-sheet = Route
xlsx-file-name = route.xlsx
xlsx-caption = Your route: you can print it and show it to your methodologist.
command-route = My route

## Roles and invitations

welcome-invited = Hello! You have been invited to work in the CNPPM bot. First, please give your consent to data processing.
consent-thanks-staff = Thank you! Checking your invitation.
consent-thanks-staff-role = Thank you! You are on the centre's staff, so you need no teacher's profile. Just tell us your name.
invite-ok-methodist = Done: you are now a methodologist. The menu now has a "My teachers" section, and you will receive a digest every morning.
invite-ok-municipal = Done: you are now a methodologist, and the municipality { $municipality } is assigned to you. Teachers in caseload: { $caseload }. The menu now has a "My teachers" section, and you will receive a digest every morning.
notify-caseload-assigned =
    { $scope ->
        [municipality] The municipality { $name } is now assigned to you: its teachers, including new ones, are in your caseload.
        [organization] The organisation { $name } is now assigned to you: its teachers, including new ones, are in your caseload.
       *[person] A teacher was added to your caseload: { $name }.
    }
    Teachers in caseload: { $caseload }.
notify-caseload-removed =
    { $scope ->
        [municipality] The municipality { $name } is no longer assigned to you.
        [organization] The organisation { $name } is no longer assigned to you.
       *[person] { $name } is no longer in your caseload.
    }
    Teachers in caseload: { $caseload }.
invite-ok-coordinator = Done: you are now a CNPPM coordinator. The menu now has a "Coordinator" section.
invite-unknown = Invitation not found. Please ask the coordinator to send you a new link.
invite-expired = This invitation has expired. Please ask the coordinator to send you a new link.
invite-used = This invitation has already been used. Please ask the coordinator to send you a new link.
staff-open-menu = Open the menu to get started.
staff-name-cancelled = All right, you can give your name later: I will ask for it next time.
staff-name-saved = Thank you, { $name }! You're all set.
staff-name-unknown = the centre
button-teacher-profile = Teacher's profile (if you teach)
methodist-panel =
    Methodist's section
    Your caseload: { $total } { $total ->
        [one] teacher
       *[other] teachers
    }.
no-access = This action isn't available to you
button-admin = Coordinator
button-my-teachers = My teachers
button-settings = Settings
admin-panel =
    CNPPM coordinator section
    Methodologists: { $methodists } · coordinators: { $coordinators }
button-invite-methodist = Add regional methodologist
button-invite-municipal = Add municipal methodologist
button-invite-coordinator = Add coordinator
button-staff = Staff list
button-audit = Activity log
button-broadcast-list = Recent broadcasts
button-organization-review = Organizations to review: { $count }
admin-invite-methodist =
    Invitation link for a regional methodologist (single-use, valid until { $until }):
    { $link }
admin-invite-municipal =
    Invitation link for a methodologist ({ $municipality }), single-use, valid until { $until }:
    { $link }
admin-invite-coordinator =
    Invitation link for a coordinator (single-use, valid until { $until }):
    { $link }
admin-pick-municipality = Choose a municipality:
admin-staff-title = Methodologists and coordinators:
admin-staff-methodist = { $n }. { $name } — methodologist ({ $place }), teachers: { $caseload }
admin-staff-coordinator = { $n }. { $name } — coordinator
admin-staff-none = No one here yet. Invite methodologists with a link.
admin-regional = region
admin-over-cap = above the norm of { $cap } { $cap ->
        [one] teacher
       *[other] teachers
    } per methodologist
button-caseload = Caseload { $n }
button-assign-municipality = Assign a municipality
admin-caseload-title = { $name }. Teachers in caseload: { $caseload }.
admin-caseload-municipality = municipality { $name }
admin-caseload-organization = organisation { $name }
admin-caseload-person = teacher { $name }
admin-caseload-hint = Press ✕ to remove an assignment: the methodologist will be told.
admin-caseload-none = Nothing is assigned to this methodologist yet.
admin-unassigned = Removed: { $name }. The methodologist will be told.
button-revoke = Revoke role { $n }
admin-revoke-revoked = Role revoked. The action has been recorded in the log.
admin-revoke-absent = This person no longer has this role.
admin-revoke-last-coordinator = You can't revoke the role of the last coordinator.
admin-assign-pick = Which municipality should be assigned to the methodologist? All its teachers, including new ones, will be added to their caseload.
admin-assigned = Assigned: { $municipality }. Teachers in caseload: { $caseload }.
admin-assigned-over-cap = Assigned: { $municipality }. Teachers in caseload: { $caseload }, which is above the norm of { $cap }. Consider adding a second methodologist.
admin-audit-title = Recent actions (date · action · who → whom):
admin-org-title = { $count ->
        [0] No organizations to review.
        [one] { $count } organization typed in by teachers is waiting for review:
       *[other] { $count } organizations typed in by teachers are waiting for review:
    }
admin-org-line = { $n }. "{ $typed }" — { $municipality }, teacher: { $name }
admin-org-hint = Add them to the directory or say which directory organization each one is.
admin-org-more = …and { $count } more. Start with these.
admin-org-entry =
    "{ $typed }" — { $municipality }
    Teacher: { $name }
    Add it to the directory, or is it an organization the directory already has?
button-org-add = Add to the directory
button-org-merge = Already in the directory…
admin-org-ask-type = "{ $typed }" ({ $municipality }): what kind of organization is it?
organization-type-school = School
organization-type-kindergarten = Kindergarten
organization-type-college = College
organization-type-supplementary = Supplementary education
admin-org-pick = Which directory organization ({ $municipality }) is "{ $typed }"?
admin-org-added = "{ $name }" is in the directory now. Profiles updated: { $people }; the teachers will be told.
admin-org-merged = "{ $typed }" now points to "{ $name }". Profiles updated: { $people }; the teachers will be told.
admin-org-gone = This entry has already been resolved.
admin-org-no-municipality = The profile has no municipality: pick a directory organization with npm run cli -- organizations merge.
organization-review-added = The centre has checked your organization: "{ $name }" is now in the directory and in your profile.
organization-review-merged = The centre has checked your organization "{ $typed }": the directory calls it "{ $name }". Your profile is updated.

## Methodologist

teachers-title = My teachers: { $total }
teachers-none = No one yet. A coordinator will assign a municipality or organisation to you.
teachers-none-yet = None of the teachers assigned to you has filled in a profile in the bot yet. They will appear here by themselves.
teachers-young = early-career teacher
button-digest-settings = Digest settings
card-profile =
    { $position } · { $organization } ({ $municipality })
    Subjects: { $subjects } · experience: { $experience }
card-diagnostic = Diagnostic of { $date }:
card-no-diagnostic = No diagnostic yet.
card-route = Route: { $percent } done · { $done } of { $total } h · items: { $count }
card-route-item = { $n }. { $mark } { $kind }: "{ $title }" — { $status }, due { $due }
card-route-item-overdue = { $n }. ⏰ { $kind }: "{ $title }" — overdue, was due { $due }
card-young = Early-career teacher (under 35 and in the first three years of work).
card-no-route = No route yet.
card-route-reviewed = Route approved by a methodologist on { $date }.
card-route-comment = Route comment: { $comment }
card-mentoring-none = Mentor: not assigned yet.
card-recommendations = Latest recommendations:
button-card-chart = Chart
button-card-recommend = Recommendation
button-card-approve = Approve route
button-card-comment = Comment on route
card-ask-recommendation = Please write a recommendation for the teacher. They will receive it in the chat, and it will be saved in their card.
card-ask-comment = Please write a comment on the route. The teacher will receive it.
card-text-invalid = Please write { $min } to { $max } { $max ->
        [one] character
       *[other] characters
    }.
card-text-cancelled = Cancelled. Nothing was sent.
card-text-saved = Sent to the teacher and saved in their card.
card-approved = Route approved. The teacher will be notified.
notify-recommendation =
    Methodologist { $author } recommends:
    { $text }
notify-route-comment =
    Methodologist { $author } comments on your route:
    { $text }
notify-route-approved = { $named ->
        [yes] Your route has been approved. Methodologist: { $author }. Good luck!
       *[no] Your route has been approved by a methodologist of the centre. Good luck!
    }

digest-settings =
    The digest arrives every day at { $hour }:00 ({ $tz }).
    If there is nothing new that day: { $empty }.
digest-empty-line = you get a one-line message
digest-empty-nothing = no digest is sent
button-digest-hour = Time: { $hour }:00
button-digest-tz = Time zone
button-digest-empty-line = Send one line on a quiet day
button-digest-empty-nothing = Send nothing on a quiet day
digest-pick-hour =
    At what hour should the digest come? Time zone: { $tz }.
    The digest comes at exactly that hour, even before { $to }:00. Other messages are not sent at night (from { $from }:00 to { $to }:00).
digest-pick-tz = The digest's time zone: { $tz }. Choose yours if it is different.

digest-title = Digest for your teachers, { $date }
digest-late = (delayed: the bot was unavailable at the usual time)
digest-empty = Nothing new in the past 24 hours. Teachers in caseload: { $caseload }.
digest-caseload = Teachers in caseload: { $caseload }.
digest-finished = completed the diagnostic: { $n }
digest-routes = confirmed a route: { $n }
digest-items-done = route items completed: { $n }
digest-overdue = overdue items: { $n } (teachers: { $people })
digest-silent = haven't opened the bot for over two weeks: { $n }
digest-young = early-career teachers without a route or support: { $n }
digest-attention = Please note:
digest-why-overdue = overdue items: { $n }
digest-why-young = early-career teacher without support
digest-why-deficits = gaps: { $groups }
digest-why-silent = hasn't opened the bot for a long time

## Reminders

reminder-diagnostic-1d = You started the self-diagnostic and answered { $n } { $n ->
        [one] question
       *[other] questions
    }. Shall we continue? It only takes a few minutes.
reminder-diagnostic-3d = Your self-diagnostic is waiting: your answers are saved ({ $n }). Finish it to get your profile and learning route.
reminder-due-soon = A route item is due in three days: "{ $title }".
reminder-overdue = A route item is overdue: "{ $title }". Mark it as done or reschedule it with your methodologist.
reminder-repeat-route = You completed your route a week ago. Take the diagnostic again to see how your gaps have changed.
reminder-repeat-months = It has been { $months } { $months ->
        [one] month
       *[other] months
    } since your last diagnostic. Please take it again: it only takes 10 minutes.
reminder-settings =
    Reminders. Press one to turn it on or off.
    I don't send anything at night (from { $from }:00 to { $to }:00).

    The bot's language: { $language }. Digests, reminders and notifications come in it too.
language-ru = Русский
language-en = English
reminder-kind-diagnostic = Unfinished diagnostic
reminder-kind-route = Route deadlines
reminder-kind-repeat = Repeat diagnostic
command-settings = Settings: reminders and language

## Mentoring

button-mentoring = Mentoring
button-find-mentor = Find a mentor
button-become-mentor = Become a mentor
button-pick-mentors = Match me with a mentor
button-ask-mentor = Ask { $name }
button-accept = Accept
button-decline = Decline
button-save = Save
button-skip = Skip
button-log-meeting = Log a meeting
button-log-meeting-with = Meeting: { $name }
button-goals = Goals from learning route
button-close-pair = Finish
button-close-yes = Yes, finish
button-mentor-pause = Pause mentoring
button-mentor-resume = Accept requests again
button-mentor-stop = Stop being a mentor
button-checkin-yes = Yes, we met
button-checkin-no = Not yet

mentoring-title = Mentoring
mentoring-no-mentor = You don't have a mentor yet. A mentor can help you settle in, work through difficult situations and complete your learning route.
mentoring-your-mentor =
    Your mentor: { $name } ({ $place })
    Contact: { $contact }
mentoring-last-meeting = Last meeting: { $date } — { $topic }
mentoring-waiting = Your request is waiting for a reply. Mentor: { $name }. The reply is due within { $days } { $days ->
        [one] day
       *[other] days
    }; if there is no reply, I'll pass the request to the next mentor.
mentoring-you-mentor = You are a mentor. Places taken: { $taken } of { $capacity }.
mentoring-you-mentor-paused = You are a mentor, currently paused: you won't get new requests. Places taken: { $taken } of { $capacity }.
mentoring-mentee-line = • { $name } ({ $place }), contact: { $contact }
mentoring-offer =
    Become a mentor for your colleagues.
    Mark your strengths (pre-selected from your diagnostic) and how many people you can take on: currently { $places }.
    We'll take your subjects from your profile.
mentoring-offer-blank =
    Become a mentor for your colleagues.
    Mark your strengths and how many people you can take on: currently { $places }.
    We'll take your subjects from your profile.
mentoring-below-taken = You already have more mentees than the selected number of places. Please choose a larger number.
mentoring-mentor-saved = Thank you! You are now a mentor with { $places } { $places ->
        [one] place
       *[other] places
    }. Requests will arrive here.
mentoring-needs = What do you need help with? Gaps and growth areas from your diagnostic are pre-selected; you can change them.
mentoring-needs-blank = What do you need help with? Tick one or more areas and press «Match me with a mentor».
mentoring-candidates = Suitable mentors:
mentoring-candidate =
    { $n }. { $name } — { $place }
    Subjects: { $subjects }
    Strengths: { $strengths }
mentoring-candidates-hint = Choose who to send your request to. Contact details will be shared once the mentor accepts.
mentoring-request-sent = Request sent. Mentor: { $name }. Expect a reply within { $days } { $days ->
        [one] day
       *[other] days
    }.
mentoring-full = This mentor has just run out of places.
mentoring-exhausted = No suitable mentors are available right now. Your methodologist will see your request; please try again later.
mentoring-asked-mentor =
    Mentoring request.
    Colleague: { $name } ({ $place })
    Needs help with: { $needs }.
    Please reply within { $days } { $days ->
        [one] day
       *[other] days
    }.
mentoring-declined-ok = All right, the request has been passed to another mentor.
mentoring-moved-declined = The mentor can't take you on right now.
mentoring-moved-timeout = The mentor didn't reply in time.
mentoring-moved-full = The mentor has run out of places.
mentoring-moved-next = Your request has been passed on. Mentor: { $name }.
mentoring-accepted-mentee =
    Your request has been accepted. Mentor: { $name } ({ $place }).
    Get in touch to arrange your first meeting: { $contact }
mentoring-accepted-mentor =
    You are now a mentor. Mentee: { $name } ({ $place }).
    Contact: { $contact }
mentoring-ask-topic = What was the meeting about? Keep it short, e.g. "reviewing a 7th-grade lesson".
mentoring-ask-note = A note about the meeting (what you agreed to do), or press "Skip".
mentoring-text-invalid = Please write between { $min } and { $max } { $max ->
        [one] character
       *[other] characters
    }.
mentoring-meeting-cancelled = The meeting was not logged.
mentoring-meeting-saved = Meeting logged.
mentoring-meeting-logged-mentee =
    A meeting of your pair was logged. Mentor: { $name }.
    Topic: { $topic }
mentoring-goals = The pair's goals are items from the mentee's learning route. Tap an item to make it a goal.
mentoring-goals-no-route = The mentee doesn't have an approved learning route yet.
mentoring-goals-no-route-own = You have no confirmed route yet. Once you confirm it, its items can become the pair's goals.
mentoring-goal-added = Goal added
mentoring-goal-exists = This goal already exists
mentoring-close-confirm = Finish working as a pair? You'll both be asked to rate it.
mentoring-closed = The pair is finished. Thank you for your work!
mentoring-ended-mentor-left = Your mentor's data has been deleted from the bot, so your pair has ended. If you need support, find a new mentor under “Mentoring”.
mentoring-ended-mentee-left = Your mentee's data has been deleted from the bot, so your pair has ended. The place is free again.
mentoring-ask-feedback =
    Please rate the work of your pair from 1 to 5.
    Your partner: { $name }
mentoring-ask-feedback-comment = Thank you! If you like, add a few words: what went well and what could be improved.
mentoring-feedback-thanks = Thank you for your feedback!
mentoring-feedback-skipped = All right, no comment. Your rating is saved.
mentoring-checkin =
    Have you met this month?
    Your partner: { $name }
mentoring-checkin-thanks = Great! Please log the meeting so your methodologist can see the pair's work.
mentoring-checkin-nudge = Please arrange a meeting in the next few days, and log it afterwards.
card-mentor = Mentor: { $name }, since { $since }, meetings: { $meetings }.
card-mentee = Mentee: { $name }, since { $since }.
command-mentoring = Mentoring
button-caseload-pairs = Mentoring pairs
caseload-pairs-title = Mentoring pairs of your teachers: { $count }
caseload-pair = • { $mentor } → { $mentee }, since { $since }
button-card-make-mentor = Make a mentor
card-mentor-marked = The teacher is now a mentor (2 places) and has been notified.
notify-mentor-marked = Methodologist { $author } suggests you become a mentor: you have 2 places for young colleagues. You can change the number of places or pause mentoring under "Mentoring".

## Coordinator indicators and reports

indicator-1 = Share of teachers and heads who have taken the diagnostic of professional gaps
indicator-2 = Share of teachers and heads with an individual learning route based on the diagnostic
indicator-3 = Share of teachers who completed Federal Register programmes chosen based on the diagnostic
indicator-4 = Share of management staff trained in education quality management
indicator-5 = Share of early-career teachers (under 35, first 3 years) covered by mentoring
indicator-6 = Share of Federal Register programmes among all providers' programmes
indicator-7 = Teachers per regional methodologist
indicator-short-1 = Diagnostic
indicator-short-2 = Individual learning route
indicator-short-3 = Register programmes
indicator-short-4 = Quality management
indicator-short-5 = Early-career mentoring
indicator-short-6 = Register share
indicator-short-7 = Methodists' caseload
indicator-base-staff-all = of staff: teachers and managers
indicator-base-staff-teachers = of staff: teachers
indicator-base-staff-managers = of staff: managers
indicator-base-registered = of people registered in the bot
indicator-base-young = of young teachers in the bot
indicator-base-programmes = of all providers' programmes
indicator-base-per-methodist = staff teachers per methodist
indicators-title = Performance indicators for { $period }
indicators-target = (target { $target })
indicators-shares = of staff: { $staff }; of registered bot users: { $registered }
indicators-no-staff = no staff data
indicators-no-data = no data
indicators-per-methodist = { $value } (regional methodologists: { $methodists })
# A share in percent, the number in the language's format (decimal comma); below and above are bounds («<0,1 %»).
percent = { NUMBER($value, maximumFractionDigits: 1) }%
percent-below = <{ NUMBER($value, maximumFractionDigits: 1) }%
percent-above = >{ NUMBER($value, maximumFractionDigits: 1) }%
# A change in percentage points, with its sign (+, − or ±).
percent-change = { $sign }{ NUMBER($value, maximumFractionDigits: 1) }
indicators-providers = { $share } ({ $n } of { $all })
indicators-explained = The "of staff" share is calculated against the number of teachers and heads in the organisation directory; "of registered" is against those who use the bot. The full table by municipality and organisation is in the file.
indicators-chart-title = Performance indicators
indicators-legend-met = target met
indicators-legend-missed = target missed
indicators-legend-no-target = no target
indicators-legend-target = target
indicators-xlsx-title = Performance indicators of the regional system of methodological support
indicators-sheet-region = Region
indicators-sheet-municipalities = Municipalities
indicators-sheet-organizations = Organisations
indicators-sheet-notes = Notes
indicators-col-unit = Area or organisation
indicators-col-municipality = Municipality
indicators-col-numerator = Count
indicators-col-staff = Of staff
indicators-col-staff-share = Share of staff
indicators-col-registered = Registered
indicators-col-registered-share = Share of registered
indicators-col-target = Target
indicators-col-met = Met
indicators-col-value = Value
indicators-yes = yes
indicators-no = no
indicators-notes =
    Source of the "of staff" denominators: the organisation directory (numbers of teachers and heads), loaded with the command npm run import -- directory.
    1 — took the diagnostic during the period; 2 — have an individual learning route based on the diagnostic, confirmed by the teacher; 3 — teachers who completed a Federal Register programme from their route during the period; 4 — heads who completed a programme in education quality management during the period.
    5 — early-career teachers (under 35, first three years of work) in a mentoring pair; the directory does not record the number of early-career teachers, so the share is calculated against registered users.
    6 — Register programmes among all of a provider's programmes and events known to the bot's catalogue.
    7 — teachers of staff per regional methodologist; target: no more than 250 teachers per methodologist (also checked against each methodologist's actual caseload).
button-indicators = Indicators
button-deficit-map = Gap map
button-gap = Programme shortfall
button-recommendations = Recommendations
button-broadcast = Broadcast
indicators-file-name = indicators.xlsx
indicators-caption = Indicators for the region, municipalities and organisations, with formulas you can check.
map-title = Gap map for { $period } (share of those diagnosed who have a gap; change from the previous period in brackets, percentage points)
map-diagnosed = took the diagnostic: { $n }
map-empty = No one took the diagnostic during the period.
map-footer = Every group with gaps is shown, most frequent first. Groups without gaps are left out.
gap-title = Programme shortfall for { $period }: where there are many gaps and few catalogue offerings
gap-row = • { $group }: gaps: { $deficits }; programmes: { $programmes }, events: { $activities }; routes without suitable programmes: { $unserved }
gap-empty = No gaps during the period.
recs-title = Targeted recommendations for { $period }: three competencies and programmes for each municipality
recs-no-items = no suitable programmes in the catalogue
button-broadcast-mine = Message my teachers
button-broadcast-send = Send ({ $count })
button-broadcast-report = Delivery report
segment-all = All users
segment-all-mine = All my teachers
segment-teachers = Teachers
segment-managers = Heads of organisations
segment-young = Early-career teachers
segment-deficit = With a gap in a competency…
segment-municipality = By municipality…
segment-mentors = Mentors
segment-methodists = Methodologists
broadcast-who = Who should receive the message?
broadcast-who-caseload = Which of your teachers should receive the message?
broadcast-which-deficit = A gap in which competency group?
broadcast-ask-text = Write the message text (up to { $max } { $max ->
        [one] character
       *[other] characters
    }).
broadcast-text-invalid = The text must be no longer than { $max } { $max ->
        [one] character
       *[other] characters
    }.
broadcast-preview = Recipients: { $count }. This is how the message will look:
broadcast-header-centre = Message from the regional centre (CNPPM):
broadcast-header-methodist = Message from methodologist { $name }:
broadcast-cancelled = Broadcast cancelled.
broadcast-queued = Broadcast queued: { $count } { $count ->
        [one] recipient
       *[other] recipients
    }. Messages are sent within Telegram's rate limits.
broadcast-report =
    Broadcast report (recipients: { $recipients }):
    delivered: { $sent }; queued: { $pending }; blocked the bot: { $unreachable }; errors: { $failed }.
broadcast-list-title = Recent broadcasts — press a number to open its report:
broadcast-list-empty = No broadcasts yet.
broadcast-list-line = { $n }. { $at } · { $count } { $count ->
        [one] recipient
       *[other] recipients
    } · { $text }
period-ask = For which period?
period-year = This year so far
period-last12 = The last 12 months
period-prev = Last year

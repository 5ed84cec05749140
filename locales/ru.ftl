## Приветствие и согласие

welcome =
    Здравствуйте! Я помогаю педагогам расти профессионально.

    Что можно сделать здесь:
    • пройти короткую самодиагностику профессиональных компетенций (около 10 минут);
    • увидеть свой профиль: сильные стороны и дефициты, с диаграммой;
    • дальше — получить индивидуальный образовательный маршрут и поддержку методиста или наставника.

    Бот работает в региональной системе научно-методического сопровождения педагогов (ЦНППМ).

consent-text =
    { $consented ->
        [yes] Ваши данные и согласие
       *[no] Согласие на обработку персональных данных
    }

    Что храним:
    • профиль: ФИО, должность, муниципалитет и организацию, предметы, стаж, возрастную группу;
    • идентификатор пользователя Telegram и имя пользователя (@username), если оно у вас есть;
    • ответы и результаты диагностики;
    • образовательный маршрут: пункты, сроки, отметки о выполнении, номера удостоверений и ваши отзывы о пройденном;
    • рекомендации методиста и комментарии к вашему маршруту;
    • наставничество: запросы и темы, с которыми нужна помощь; если вы наставник — сильные стороны и число мест; пары, цели, встречи с заметками, ежемесячные отметки «встречались или нет», оценки и отзывы при завершении;
    • настройки напоминаний и сводки, выбранный язык, часовой пояс, когда вы последний раз писали боту и доходят ли до вас сообщения;
    • для методистов и координаторов — роль, закреплённые муниципалитеты и записи о действиях в журнале.

    Зачем: чтобы показать ваш профиль компетенций, подобрать программы повышения квалификации, наставника и поддержку.

    Кто видит:
    • вы;
    • закреплённый за вами методист — профиль, результаты диагностики, маршрут и его выполнение, рекомендации, пары наставничества и число встреч;
    • координаторы регионального центра (ЦНППМ) — для сопровождения и отчётов; в отчётах региона данные используются только в обобщённом виде;
    • наставник, которому ушёл ваш запрос, — ваши ФИО, организацию и с чем нужна помощь; когда пара составлена — ещё ваш контакт в Telegram (@username или ссылка на профиль), пункты вашего маршрута (чтобы выбрать цели пары) и встречи пары;
    • если вы наставник: педагоги, которые ищут наставника, видят ваши ФИО, организацию, предметы и сильные стороны (без контактов); ваш наставляемый, когда пара составлена, — ещё ваш контакт в Telegram.

    Сколько храним: всё перечисленное — пока вы не удалите данные. Тексты уведомлений и рассылок, которые отправил бот, хранятся { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }, затем удаляются из базы бота (в вашем чате с ботом они остаются).

    Как отозвать: команда /forget удалит все ваши данные сразу и полностью, а из ещё не отправленных сообщений другим людям (например, сводки методисту) уберёт ваше имя и контакты.

    { $consented ->
        [yes] Вы уже дали согласие. Отозвать его можно в любой момент командой /forget.
       *[no] Пока вы не согласитесь, я ничего о вас не сохраняю.
    } Основание — Федеральный закон № 152-ФЗ «О персональных данных».

button-consent-yes = Даю согласие
button-consent-no = Не даю согласия
consent-thanks = Спасибо! Теперь заполним короткий профиль — это 7 вопросов.
consent-declined = Хорошо, ничего не сохраняю. Если передумаете, нажмите /start.
need-start = Давайте познакомимся: нажмите /start.
welcome-back = С возвращением, { $name }!
welcome-back-unnamed = С возвращением!

## Профиль

profile-continue = Профиль ещё не заполнен до конца. Начнём с первого вопроса.
profile-ask-name = Как вас зовут? Напишите фамилию, имя и отчество.
profile-name-invalid = Не получилось прочитать имя. Напишите только буквы, например: Иванова Мария Петровна.
profile-name-single-word = Это только имя. Напишите, пожалуйста, фамилию, имя и отчество, например: Иванова Мария Петровна.
profile-need-text = Пожалуйста, ответьте текстом.
profile-use-buttons = Пожалуйста, выберите ответ кнопкой под вопросом.
profile-ask-position = Ваша должность?
position-teacher = Педагог
position-head = Руководитель организации
position-deputy = Заместитель руководителя
position-unit-head = Руководитель подразделения
profile-ask-municipality = Выберите муниципалитет или напишите первые буквы названия.
profile-municipality-type = Напишите несколько букв названия муниципалитета или выберите его кнопкой.
profile-municipality-not-found = Такого муниципалитета не нашлось. Попробуйте другие буквы, например «Шил».
profile-search-results = Нашлось: { $count }. Выберите нужный вариант.
profile-ask-organization = Выберите вашу организацию ({ $municipality }) или напишите несколько букв названия.
profile-organization-type = Напишите несколько букв названия организации или выберите её кнопкой.
profile-organization-not-found = Такой организации в списке нет. Выберите из списка или нажмите «Моей организации нет в списке».
button-organization-missing = Моей организации нет в списке
profile-ask-organization-name = Напишите полное название вашей организации. Специалист ЦНППМ проверит его и добавит в справочник.
profile-organization-name-invalid = Название должно быть от 3 до 200 символов.
profile-organization-review = { $name } (на проверке)
profile-ask-subjects = Что вы преподаёте? Можно выбрать несколько, затем нажмите «Готово».
profile-subjects-none = Выберите хотя бы один вариант.
profile-subjects-empty = не указаны
button-done = Готово
profile-ask-experience = Сколько полных лет вы работаете педагогом? Выберите кнопку или напишите число.
button-first-year = Первый год
profile-experience-invalid = Напишите число от 0 до 60, например: 7.
experience-years = { $n ->
        [0] меньше года
        [one] { $n } год
        [few] { $n } года
       *[many] { $n } лет
    }
profile-ask-age = Ваш возраст?
age-under-25 = до 25
age-25-29 = 25–29
age-30-34 = 30–34
age-35-44 = 35–44
age-45-54 = 45–54
age-55 = 55 и старше
profile-saved = Профиль сохранён.
profile-next = Следующий шаг — самодиагностика. Она покажет, какие компетенции уже сильные, а какие стоит развивать.
profile-young-teacher =
    Вы — молодой педагог: вам положена поддержка наставника и методиста.
    Начните с самодиагностики — по её результатам будет проще подобрать помощь.
profile-young-note = Вы — молодой педагог (до 35 лет и первые три года работы).
profile-finish-first = Сначала закончим профиль — осталось немного. Выйти без сохранения: /cancel.
profile-finish-first-short = Сначала закончим профиль
profile-cancelled = Заполнение профиля остановлено, ответы не сохранены. Вернуться можно из меню.
profile-left-for-panel = Изменение профиля остановлено, прежний профиль сохранён.
profile-too-many-tries = Давайте сделаем перерыв. Профиль можно заполнить позже из меню.
profile-needed = Сначала заполните профиль — он нужен, чтобы выбрать подходящую диагностику.
profile-summary =
    Ваш профиль

    ФИО: { $name }
    Должность: { $position }
    Муниципалитет: { $municipality }
    Организация: { $organization }
    Предметы: { $subjects }
    Стаж: { $experience }
    Возраст: { $age }

## Меню

menu-title = Главное меню. Что сделаем?
button-menu = Меню
button-fill-profile = Заполнить профиль
button-start-diagnostic = Пройти диагностику
button-retake-diagnostic = Пройти диагностику ещё раз
button-continue-diagnostic = Продолжить диагностику ({ $n } из { $total })
button-results = Мои результаты
button-profile = Мой профиль
button-edit-profile = Изменить профиль
button-forget = Удалить мои данные
button-page-back = ◀ Назад
button-page-next = Дальше ▶

## Диагностика

diagnostic-offer = Самодиагностика займёт около 10 минут. Начнём?
diagnostic-intro =
    Самодиагностика: { $total } { $total ->
        [one] вопрос
        [few] вопроса
       *[many] вопросов
    }, примерно { $minutes } { $minutes ->
        [one] минута
        [few] минуты
       *[many] минут
    }.

    Отвечайте так, как обычно бывает на работе: результат нужен вам, а не для оценки. Можно вернуться к предыдущему вопросу и сделать паузу — ответы сохраняются сразу.
diagnostic-in-progress = У вас есть незаконченная диагностика: вопрос { $n } из { $total }. Продолжим?
diagnostic-paused = Пауза. Сохранено ответов: { $n } из { $total }. Продолжить можно в любой момент из меню.
diagnostic-outdated = Вопросы диагностики обновились, поэтому начнём её заново.
diagnostic-no-instrument = Для вашей должности диагностики пока нет. Мы сообщим, когда она появится.
button-continue = Продолжить
button-restart = Начать заново
button-back = ← Назад
button-pause = Пауза
question-progress = Вопрос { $n } из { $total } · { $group }
question-scale-prompt = Насколько это про вас?
question-your-answer = Ваш ответ: { $answer }
question-previous-answer = Прежний ответ: { $answer }. Выберите снова.
question-already-answered = На этот вопрос вы уже ответили
question-use-buttons = Чтобы ответить, нажмите кнопку под вопросом. Вот текущий вопрос:

## Результат

result-title = Диагностика завершена. Спасибо!
result-title-latest = Ваш последний результат — диагностика от { $date }
result-scores = Ваш профиль (баллы из 100):
result-scores-with-change = Ваш профиль (баллы из 100, в скобках — изменение с прошлого раза):
level-deficit = дефицит
level-develop = стоит развивать
level-confident = уверенный уровень
result-deficit-groups = Что обычно стоит за дефицитом:
result-main-deficits = Над чем поработать в первую очередь:
result-no-deficits = Явных дефицитов нет — отличный результат. Ваш опыт может пригодиться коллегам.
result-levels-explained = 🔴 дефицит — нужна поддержка; 🟡 стоит развивать; 🟢 уверенный уровень.
chart-title = Профиль компетенций
chart-caption = Ваш профиль компетенций
chart-previous = прошлый раз

## Удаление данных

forget-confirm =
    Удалить все ваши данные? Удалится всё, что бот о вас хранит:
    • профиль, идентификатор и имя пользователя Telegram, настройки;
    • ответы и результаты диагностики;
    • маршруты с отметками о выполнении, номерами удостоверений и отзывами;
    • рекомендации и комментарии методиста;
    • наставничество: запросы, пары, цели, встречи с заметками, отметки, оценки и отзывы; ваши пары завершатся, а второй участник узнает об этом (без вашего имени);
    • роли и закреплённые муниципалитеты, если вы методист или координатор;
    • тексты сообщений, которые бот отправил вам или собирается отправить.
    Из ещё не отправленных сообщений другим людям (например, сводки методисту) уберётся ваше имя и контакт.

    Отменить это будет нельзя.
button-forget-yes = Да, удалить всё
button-forget-no = Нет, оставить
forget-done = Готово: все ваши данные удалены. Если захотите вернуться, нажмите /start.
forget-kept = Хорошо, ничего не удаляю.
forget-nothing = У меня нет ваших данных.
# In messages to others not sent yet, instead of the name of a person who deleted their data.
forgotten-name = [имя удалено]

## Общее

help =
    Команды:
    /menu — главное меню
    /diagnostic — пройти или продолжить диагностику
    /results — мои результаты
    /route — мой образовательный маршрут
    /mentoring — наставничество
    /profile — мой профиль
    /privacy — какие данные хранятся и зачем
    /settings — напоминания и язык (Language)
    /forget — удалить мои данные
    /cancel — выйти из открытой формы или поставить диагностику на паузу
    Методистам: /teachers — мои педагоги. Координаторам: /admin.
unknown-command = Такой команды я не знаю. Список команд: /help
cancel-nothing = Сейчас нечего отменять: ни одна форма не открыта.
cancel-diagnostic = Диагностика на паузе. Сохранено ответов: { $n } из { $total } — продолжить можно в любой момент: /diagnostic или кнопка ниже.
only-text = Я понимаю текст, кнопки и команды. Что сделаем?
use-menu = Здесь я понимаю кнопки и команды. Что сделаем?
button-stale = Эта кнопка уже не действует
error-generic = Что-то пошло не так. Попробуйте ещё раз чуть позже — ваши ответы сохранены.

command-start = Начать
command-menu = Главное меню
command-diagnostic = Диагностика
command-results = Мои результаты
command-profile = Мой профиль
command-help = Помощь
command-privacy = Мои данные и согласие
command-forget = Удалить мои данные

## Индивидуальный образовательный маршрут (ИОМ)

button-build-route = Построить маршрут
button-route = Мой маршрут
button-route-back = ← К маршруту
button-route-confirm = ✅ Подтвердить маршрут
button-route-hours = { $hours } ч
button-format-any = Любой формат
button-format-in_person = Очно
button-format-distance = Дистанционно
button-format-blended = Смешанный
button-draft-item = № { $n }
button-draft-drop = ✕ Убрать пункт { $n }
button-draft-alt = ↻ Заменить пункт { $n }
button-draft-back = ← К черновику
button-draft-reset = ↺ Вернуть исходный вариант
button-route-xlsx = 📄 Скачать маршрут (XLSX)
button-item-start = ▶️ Приступаю
button-item-done = ✅ Выполнено
button-item-skip = Пропустить
button-item-reopen = Вернуть в план
button-cancel = Отмена

format-any = любой
format-in_person = очно
format-distance = дистанционно
format-blended = смешанный

kind-advanced = Программа ПК
kind-retraining = Переподготовка
kind-seminar = Семинар
kind-webinar = Вебинар
kind-workshop = Практикум
kind-master_class = Мастер-класс
kind-internship = Стажировка
kind-self_study = Самообразование
kind-community = Профсообщество

reason-formal-for-deficit = программа из Федерального реестра закрывает дефицит
reason-practice-for-develop = практика, чтобы развить компетенцию
reason-practice-for-deficit = практика в дополнение к программе
reason-subject = по вашему предмету
reason-format = удобный вам формат
reason-regional = проводится в нашем регионе
reason-dates = сроки укладываются в маршрут
reason-focused = точно по этой теме

status-planned = в плане
status-in_progress = в процессе
status-done = выполнено
status-skipped = пропущено

route-draft-title = Черновик маршрута: { $from } – { $to }
route-draft-summary = Формат: { $format } · { $count } { $count ->
        [one] пункт
        [few] пункта
       *[many] пунктов
    }, { $hours } ч из { $budget } ч
route-item-line = { $n }. { $kind }: «{ $title }» — { $provider } · { $format } · { $hours } ч · до { $due }
route-why = Почему: { $reasons }
route-covered = { $group }: закрывает пункт, выбранный выше — он охватывает и эту тему.
route-unserved-no-match = Пока нет подходящих программ и мероприятий: { $groups }. Мы передадим запрос в ЦНППМ.
route-unserved-budget = Не хватило часов: { $groups }. Увеличьте лимит часов кнопкой ниже.
route-draft-hint = Чтобы убрать или заменить пункт, нажмите его номер. Формат и лимит часов выбираются кнопками ниже. Когда всё устроит — подтвердите маршрут.
route-draft-empty = В маршруте не осталось пунктов. Выберите другой формат или лимит часов либо верните исходный вариант.
route-draft-edits-kept = Ваши правки ({ $count } { $count ->
        [one] изменение
        [few] изменения
       *[many] изменений
    }) сохранятся, если сменить формат или часы.
route-draft-chosen-left = { $count ->
        [one] { $count } пункт, выбранный вами на замену, не поместился в лимит часов. Он вернётся, если увеличить лимит.
        [few] { $count } пункта, выбранных вами на замену, не поместились в лимит часов. Они вернутся, если увеличить лимит.
       *[many] { $count } пунктов, выбранных вами на замену, не поместились в лимит часов. Они вернутся, если увеличить лимит.
    }
route-draft-selected = Пункт { $n }: «{ $title }». Убрать его или заменить другим?
route-off-format-all = { $code ->
        [in_person] Очных программ и мероприятий
        [distance] Дистанционных программ и мероприятий
       *[blended] Программ и мероприятий в смешанном формате
    } под ваши дефициты нет (или они не помещаются в лимит часов) — показаны другие форматы.
route-off-format-some = { $code ->
        [in_person] Очных программ и мероприятий
        [distance] Дистанционных программ и мероприятий
       *[blended] Программ и мероприятий в смешанном формате
    } не нашлось по темам: { $groups }. Для них показаны другие форматы.
route-needs-diagnostic = Маршрут строится по результатам диагностики. Сначала пройдите её — это около 10 минут.
route-no-deficits = По результатам диагностики явных дефицитов нет, маршрут не нужен. Отличная работа!
route-replaces-active = У вас уже есть маршрут. Новый заменит его, когда вы его подтвердите.
route-no-alternative = Других подходящих вариантов в каталоге нет
route-confirmed = Маршрут утверждён. Отмечайте, что начали и что выполнили, — я буду считать прогресс.
route-active-title = Мой маршрут (до { $to })
route-progress = Выполнено { $done } из { $count } · { $percent } · { $hoursDone } из { $hoursTotal } ч
route-due = до { $due }
route-overdue = срок прошёл { $due }
route-open-item = Нажмите номер пункта, чтобы открыть его и отметить выполнение.
route-item-heading = Пункт { $n } из { $count } · { $group }
route-item-provider = Организатор: { $provider }
route-item-format = Формат: { $format } · { $hours } ч
route-item-dates = Даты проведения: { $from } – { $to }
route-item-site = Площадка: { $site } ({ $organization })
route-item-due = Срок: до { $due }
route-item-overdue = ⚠️ Срок прошёл: { $due }
route-item-link = Подробнее и запись: { $url }
route-item-status = Статус: { $status }
route-item-certificate = Удостоверение: { $evidence }
route-item-reflection = Ваш отзыв: { $evidence }
route-completed = Маршрут пройден — поздравляем! Пройдите диагностику ещё раз: увидите, как изменились ваши дефициты.
result-route-changes = Как изменились компетенции, над которыми вы работали по маршруту:

evidence-ask-certificate = Отлично! Напишите номер удостоверения о повышении квалификации по программе «{ $title }».
evidence-ask-reflection = Отлично! Напишите в двух-трёх предложениях, что полезного вы взяли из «{ $title }».
evidence-certificate-invalid = Номер удостоверения — от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }. Напишите его ещё раз.
evidence-reflection-invalid = Напишите, пожалуйста, от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }.
evidence-finish-first = Напишите ответ текстом или нажмите «Отмена».
evidence-finish-first-short = Сначала ответьте на вопрос выше
evidence-cancelled = Отметка не сохранена. Пункт остался в маршруте.
evidence-saved = Отмечено: выполнено. Спасибо!
evidence-too-many-tries = Давайте вернёмся к этому позже. Пункт остался в маршруте.

xlsx-title = Индивидуальный образовательный маршрут педагога
xlsx-draft = Черновик
xlsx-confirmed = Подтверждён педагогом { $date }
xlsx-approved = Одобрен методистом { $date }
xlsx-name = ФИО
xlsx-position = Должность
xlsx-organization = Организация
xlsx-municipality = Муниципалитет
xlsx-experience = Педагогический стаж, лет
xlsx-age = Возраст
xlsx-period = Период
xlsx-diagnostic = Диагностика профессиональных дефицитов от { $date }
xlsx-col-competency = Компетенция
xlsx-col-kind = Форма
xlsx-col-title = Программа, мероприятие
xlsx-col-provider = Организатор
xlsx-col-format = Формат
xlsx-col-hours = Часы
xlsx-col-due = Срок
xlsx-col-status = Статус
xlsx-col-evidence = Подтверждение
xlsx-total = Всего часов
xlsx-done-hours = Выполнено часов
xlsx-unserved = Дефициты без подходящих программ в каталоге
xlsx-sign-teacher = Педагог
xlsx-sign-methodist = Методист
xlsx-sheet = Маршрут
xlsx-file-name = marshrut.xlsx
xlsx-caption = Ваш маршрут — можно распечатать и показать методисту.
command-route = Мой маршрут

## Роли и приглашения

welcome-invited = Здравствуйте! Вас пригласили работать в боте ЦНППМ. Сначала — согласие на обработку данных.
consent-thanks-staff = Спасибо! Проверяю приглашение.
consent-thanks-staff-role = Спасибо! Вы — сотрудник ЦНППМ, профиль педагога вам не нужен. Осталось узнать ваше имя.
invite-ok-methodist = Готово: вы — методист. В меню появился раздел «Мои педагоги», каждое утро будет приходить сводка.
invite-ok-municipal = Готово: вы — методист, за вами закреплён муниципалитет { $municipality }. Педагогов в нагрузке: { $caseload }. В меню появился раздел «Мои педагоги», каждое утро будет приходить сводка.
notify-caseload-assigned =
    { $scope ->
        [municipality] За вами закреплён муниципалитет { $name }: его педагоги, в том числе новые, теперь в вашей нагрузке.
        [organization] За вами закреплена организация: { $name }. Её педагоги, в том числе новые, теперь в вашей нагрузке.
       *[person] В вашу нагрузку добавлен педагог: { $name }.
    }
    Педагогов в нагрузке: { $caseload }.
notify-caseload-removed =
    { $scope ->
        [municipality] Муниципалитет { $name } больше не закреплён за вами.
        [organization] Организация { $name } больше не закреплена за вами.
       *[person] Педагог { $name } больше не в вашей нагрузке.
    }
    Педагогов в нагрузке: { $caseload }.
invite-ok-coordinator = Готово: вы — координатор ЦНППМ. В меню появился раздел «Координатор».
invite-unknown = Приглашение не найдено. Попросите координатора прислать новую ссылку.
invite-expired = Срок действия приглашения истёк. Попросите координатора прислать новую ссылку.
invite-used = Это приглашение уже использовано. Попросите координатора прислать новую ссылку.
staff-open-menu = Откройте меню, чтобы начать.
staff-name-cancelled = Хорошо, имя можно указать позже: я спрошу его при следующем входе.
staff-name-saved = Спасибо, { $name }! Всё готово.
staff-name-unknown = ЦНППМ
button-teacher-profile = Профиль педагога (если вы ведёте уроки)
methodist-panel =
    Раздел методиста
    В нагрузке { $total } { $total ->
        [one] педагог
        [few] педагога
       *[many] педагогов
    }.
no-access = Это действие вам недоступно
button-admin = Координатор
button-my-teachers = Мои педагоги
button-settings = Настройки
admin-panel =
    Раздел координатора ЦНППМ
    Методистов: { $methodists } · координаторов: { $coordinators }
button-invite-methodist = Пригласить методиста (регион)
button-invite-municipal = Пригласить методиста муниципалитета
button-invite-coordinator = Пригласить координатора
button-staff = Методисты и координаторы
button-audit = Журнал действий
button-broadcast-list = Последние рассылки
button-organization-review = Организации на проверке: { $count }
admin-invite-methodist =
    Ссылка-приглашение для регионального методиста (одноразовая, действует до { $until }):
    { $link }
admin-invite-municipal =
    Ссылка-приглашение для методиста ({ $municipality }), одноразовая, действует до { $until }:
    { $link }
admin-invite-coordinator =
    Ссылка-приглашение для координатора (одноразовая, действует до { $until }):
    { $link }
admin-pick-municipality = Выберите муниципалитет:
admin-staff-title = Методисты и координаторы:
admin-staff-methodist = { $n }. { $name } — методист ({ $place }), педагогов: { $caseload }
admin-staff-coordinator = { $n }. { $name } — координатор
admin-staff-none = Пока никого нет. Пригласите методистов по ссылке.
admin-regional = регион
admin-over-cap = больше нормы в { $cap } { $cap ->
        [one] педагога
        [few] педагога
       *[many] педагогов
    } на методиста
button-caseload = Нагрузка { $n }
button-assign-municipality = Закрепить муниципалитет
admin-caseload-title = { $name }. Педагогов в нагрузке: { $caseload }.
admin-caseload-municipality = муниципалитет { $name }
admin-caseload-organization = организация { $name }
admin-caseload-person = педагог { $name }
admin-caseload-hint = Нажмите ✕, чтобы снять закрепление: методист получит уведомление.
admin-caseload-none = За методистом пока ничего не закреплено.
admin-unassigned = Снято: { $name }. Методист получит уведомление.
button-revoke = Снять роль { $n }
admin-revoke-revoked = Роль снята. Запись сделана в журнале.
admin-revoke-absent = У этого человека уже нет этой роли.
admin-revoke-last-coordinator = Нельзя снять роль с последнего координатора.
admin-assign-pick = Какой муниципалитет закрепить за методистом? Все его педагоги, в том числе новые, попадут в нагрузку.
admin-assigned = Закреплено: { $municipality }. Педагогов в нагрузке: { $caseload }.
admin-assigned-over-cap = Закреплено: { $municipality }. Педагогов в нагрузке: { $caseload } — это больше нормы в { $cap } { $cap ->
        [one] педагога
        [few] педагога
       *[many] педагогов
    }. Подумайте о втором методисте.
admin-audit-title = Последние действия (дата · действие · кто → над кем):
admin-org-title = { $count ->
        [0] Организаций на проверке нет.
        [one] На проверке { $count } организация, которую вписали сами педагоги:
        [few] На проверке { $count } организации, которые вписали сами педагоги:
       *[many] На проверке { $count } организаций, которые вписали сами педагоги:
    }
admin-org-line = { $n }. «{ $typed }» — { $municipality }, педагог: { $name }
admin-org-hint = Добавьте их в справочник или укажите, какой организации справочника они соответствуют.
admin-org-more = …и ещё { $count }. Сначала разберите эти.
admin-org-entry =
    «{ $typed }» — { $municipality }
    Педагог: { $name }
    Добавить в справочник или это организация, которая там уже есть?
button-org-add = Добавить в справочник
button-org-merge = Уже есть в справочнике…
admin-org-ask-type = «{ $typed }» ({ $municipality }) — какой это тип организации?
organization-type-school = Школа
organization-type-kindergarten = Детский сад
organization-type-college = Колледж
organization-type-supplementary = Дополнительное образование
admin-org-pick = Какой организации справочника ({ $municipality }) соответствует «{ $typed }»?
admin-org-added = «{ $name }» добавлена в справочник. Профилей обновлено: { $people }; педагоги получат уведомление.
admin-org-merged = «{ $typed }» теперь указывает на «{ $name }». Профилей обновлено: { $people }; педагоги получат уведомление.
admin-org-gone = Эта запись уже разобрана.
admin-org-no-municipality = В профиле не указан муниципалитет: выберите организацию из справочника через npm run cli -- organizations merge.
organization-review-added = Организацию, которую вы указали, проверили в ЦНППМ: «{ $name }» добавлена в справочник и указана в вашем профиле.
organization-review-merged = Организацию «{ $typed }» проверили в ЦНППМ: в справочнике она называется «{ $name }». Профиль обновлён.

## Методист

teachers-title = Мои педагоги: { $total }
teachers-none = Пока никого. Координатор закрепит за вами муниципалитет или организацию.
teachers-none-yet = Пока никто из педагогов, закреплённых за вами, не заполнил профиль в боте. Они появятся здесь сами.
teachers-young = молодой педагог
button-digest-settings = Настройки сводки
card-profile =
    { $position } · { $organization } ({ $municipality })
    Предметы: { $subjects } · стаж: { $experience }
card-diagnostic = Диагностика от { $date }:
card-no-diagnostic = Диагностики пока нет.
card-route = Маршрут: выполнено { $percent } · { $done } из { $total } ч · пунктов: { $count }
card-route-item = { $n }. { $mark } { $kind }: «{ $title }» — { $status }, срок { $due }
card-route-item-overdue = { $n }. ⏰ { $kind }: «{ $title }» — просрочен, срок был { $due }
card-young = Молодой педагог (до 35 лет и первые три года работы).
card-no-route = Маршрута пока нет.
card-route-reviewed = Маршрут одобрен методистом { $date }.
card-route-comment = Комментарий к маршруту: { $comment }
card-mentoring-none = Наставник: пока не назначен.
card-recommendations = Последние рекомендации:
button-card-chart = Диаграмма
button-card-recommend = Рекомендация
button-card-approve = Одобрить маршрут
button-card-comment = Комментарий к маршруту
card-ask-recommendation = Напишите рекомендацию — педагог получит её в чате, и она сохранится в карточке.
card-ask-comment = Напишите комментарий к маршруту — педагог его получит.
card-text-invalid = Напишите, пожалуйста, от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }.
card-text-cancelled = Отменено, ничего не отправлено.
card-text-saved = Отправлено педагогу и сохранено в карточке.
card-approved = Маршрут одобрен, педагог получит уведомление.
notify-recommendation =
    Методист { $author } рекомендует:
    { $text }
notify-route-comment =
    Методист { $author } комментирует ваш маршрут:
    { $text }
notify-route-approved = { $named ->
        [yes] Ваш маршрут одобрен. Методист: { $author }. Успехов!
       *[no] Ваш маршрут одобрен методистом ЦНППМ. Успехов!
    }

digest-settings =
    Сводка приходит каждый день в { $hour }:00 ({ $tz }).
    Если за день ничего нового: { $empty }.
digest-empty-line = придёт одна строка
digest-empty-nothing = сводка не придёт
button-digest-hour = Время: { $hour }:00
button-digest-tz = Часовой пояс
button-digest-empty-line = Присылать одну строку в пустой день
button-digest-empty-nothing = Ничего не присылать в пустой день
digest-pick-hour =
    В котором часу присылать сводку? Время — { $tz }.
    Сводка придёт ровно в выбранный час, даже раньше { $to }:00. Остальные сообщения ночью (с { $from }:00 до { $to }:00) не приходят.
digest-pick-tz = Часовой пояс сводки: { $tz }. Выберите ваш, если он другой.

digest-title = Сводка по вашим педагогам на { $date }
digest-late = (с опозданием: бот был недоступен в обычное время)
digest-empty = За сутки ничего нового. Педагогов в нагрузке: { $caseload }.
digest-caseload = Педагогов в нагрузке: { $caseload }.
digest-finished = завершили диагностику: { $n }
digest-routes = подтвердили маршрут: { $n }
digest-items-done = выполнено пунктов маршрутов: { $n }
digest-overdue = просроченных пунктов: { $n } (педагогов: { $people })
digest-silent = не заходили в бот больше двух недель: { $n }
digest-young = молодых педагогов без маршрута и поддержки: { $n }
digest-attention = Обратите внимание:
digest-why-overdue = просрочено пунктов: { $n }
digest-why-young = молодой педагог без поддержки
digest-why-deficits = дефициты: { $groups }
digest-why-silent = давно не было в боте

## Напоминания

reminder-diagnostic-1d = Вы начали самодиагностику и ответили на { $n } { $n ->
        [one] вопрос
        [few] вопроса
       *[many] вопросов
    }. Продолжим? Это займёт несколько минут.
reminder-diagnostic-3d = Самодиагностика ждёт вас: ответы сохранены ({ $n }). Закончите — и получите профиль и маршрут.
reminder-due-soon = Через три дня срок по пункту маршрута: «{ $title }».
reminder-overdue = Срок по пункту маршрута прошёл: «{ $title }». Отметьте выполнение или перенесите его с методистом.
reminder-repeat-route = Маршрут пройден неделю назад. Пройдите диагностику ещё раз — увидите, как изменились дефициты.
reminder-repeat-months = { $months ->
        [one] С последней диагностики прошёл { $months } месяц.
        [few] С последней диагностики прошло { $months } месяца.
       *[many] С последней диагностики прошло { $months } месяцев.
    } Пройдите её снова — это 10 минут.
reminder-settings =
    Напоминания. Нажмите, чтобы включить или выключить.
    Ночью (с { $from }:00 до { $to }:00) я ничего не присылаю.

    Язык бота: { $language }. Сводки, напоминания и уведомления тоже придут на нём.
language-ru = Русский
language-en = English
reminder-kind-diagnostic = Незаконченная диагностика
reminder-kind-route = Сроки маршрута
reminder-kind-repeat = Повторная диагностика
command-settings = Настройки: напоминания и язык

## Наставничество

button-mentoring = Наставничество
button-find-mentor = Найти наставника
button-become-mentor = Стать наставником
button-pick-mentors = Подобрать наставника
button-ask-mentor = Запрос: { $name }
button-accept = Принять
button-decline = Отказаться
button-save = Сохранить
button-skip = Пропустить
button-log-meeting = Записать встречу
button-log-meeting-with = Встреча: { $name }
button-goals = Цели из маршрута
button-close-pair = Завершить
button-close-yes = Да, завершить
button-mentor-pause = Пауза в наставничестве
button-mentor-resume = Снова принимать
button-mentor-stop = Больше не наставник
button-checkin-yes = Да, встречались
button-checkin-no = Пока нет

mentoring-title = Наставничество
mentoring-no-mentor = Наставника пока нет. Наставник поможет освоиться, разобрать трудные ситуации и пройти маршрут.
mentoring-your-mentor =
    Ваш наставник: { $name } ({ $place })
    Связаться: { $contact }
mentoring-last-meeting = Последняя встреча: { $date } — { $topic }
mentoring-waiting = Ваш запрос ждёт ответа. Наставник: { $name }. Ответ — в течение { $days } { $days ->
        [one] дня
       *[other] дней
    }; если ответа не будет, запрос перейдёт к следующему наставнику.
mentoring-you-mentor = Вы наставник. Занято мест: { $taken } из { $capacity }.
mentoring-you-mentor-paused = Вы наставник, сейчас на паузе: новых запросов не будет. Занято мест: { $taken } из { $capacity }.
mentoring-mentee-line = • { $name } ({ $place }), связь: { $contact }
mentoring-offer =
    Станьте наставником для коллег.
    Отметьте, в чём вы сильны (по вашей диагностике отмечено заранее), и сколько человек готовы взять: сейчас { $places }.
    Предметы возьмём из вашего профиля.
mentoring-offer-blank =
    Станьте наставником для коллег.
    Отметьте, в чём вы сильны, и сколько человек готовы взять: сейчас { $places }.
    Предметы возьмём из вашего профиля.
mentoring-below-taken = У вас уже больше наставляемых, чем выбрано мест. Выберите число побольше.
mentoring-mentor-saved = Спасибо! Вы наставник, мест: { $places }. Запросы будут приходить сюда.
mentoring-needs = С чем нужна помощь? Отмечены дефициты и зоны развития из вашей диагностики — можно изменить.
mentoring-needs-blank = С чем нужна помощь? Отметьте одно или несколько направлений и нажмите «Подобрать наставника».
mentoring-candidates = Подходящие наставники:
mentoring-candidate =
    { $n }. { $name } — { $place }
    Предметы: { $subjects }
    Сильные стороны: { $strengths }
mentoring-candidates-hint = Выберите, кому отправить запрос. Контакты откроются, когда наставник согласится.
mentoring-request-sent = Запрос отправлен. Наставник: { $name }. Ответ придёт в течение { $days } { $days ->
        [one] дня
       *[other] дней
    }.
mentoring-full = У этого наставника только что закончились места.
mentoring-exhausted = Свободных подходящих наставников сейчас нет. Методист увидит ваш запрос; попробуйте позже.
mentoring-asked-mentor =
    Запрос на наставничество.
    Коллега: { $name } ({ $place })
    Нужна помощь: { $needs }.
    Пожалуйста, ответьте в течение { $days } { $days ->
        [one] дня
       *[other] дней
    }.
mentoring-declined-ok = Хорошо, запрос передан другому наставнику.
mentoring-moved-declined = Наставник не сможет взять вас сейчас.
mentoring-moved-timeout = Срок ответа наставника истёк.
mentoring-moved-full = У наставника закончились места.
mentoring-moved-next = Запрос передан дальше. Наставник: { $name }.
mentoring-accepted-mentee =
    Ваш запрос принят. Наставник: { $name } ({ $place }).
    Напишите, чтобы договориться о первой встрече: { $contact }
mentoring-accepted-mentor =
    Теперь вы наставник. Наставляемый: { $name } ({ $place }).
    Связаться: { $contact }
mentoring-ask-topic = О чём была встреча? Коротко, например: «разбор урока в 7 классе».
mentoring-ask-note = Заметка о встрече (что договорились сделать) — или «Пропустить».
mentoring-text-invalid = Напишите, пожалуйста, от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }.
mentoring-meeting-cancelled = Встреча не записана.
mentoring-meeting-saved = Встреча записана.
mentoring-meeting-logged-mentee =
    Записана встреча в паре. Наставник: { $name }.
    Тема: { $topic }
mentoring-goals = Цели пары — пункты маршрута наставляемого. Нажмите пункт, чтобы сделать его целью.
mentoring-goals-no-route = У наставляемого пока нет утверждённого маршрута.
mentoring-goals-no-route-own = У вас пока нет подтверждённого маршрута. Когда вы его подтвердите, пункты маршрута можно будет сделать целями пары.
mentoring-goal-added = Цель добавлена
mentoring-goal-exists = Эта цель уже есть
mentoring-close-confirm = Завершить работу в паре? Вас обоих попросят оценить её.
mentoring-closed = Пара завершена. Спасибо за работу!
mentoring-ended-mentor-left = Данные вашего наставника удалены из бота, поэтому пара завершена. Если нужна поддержка, найдите нового наставника в разделе «Наставничество».
mentoring-ended-mentee-left = Данные вашего наставляемого удалены из бота, поэтому пара завершена. Место снова свободно.
mentoring-ask-feedback =
    Оцените, пожалуйста, работу в паре: от 1 до 5.
    Коллега по паре: { $name }
mentoring-ask-feedback-comment = Спасибо! Если хотите, напишите пару слов: что получилось, что можно улучшить.
mentoring-feedback-thanks = Спасибо за отзыв!
mentoring-feedback-skipped = Хорошо, без комментария. Оценка сохранена.
mentoring-checkin =
    Встречались ли вы в этом месяце?
    Коллега по паре: { $name }
mentoring-checkin-thanks = Отлично! Запишите встречу — так методист увидит работу пары.
mentoring-checkin-nudge = Договоритесь о встрече в ближайшие дни. После встречи запишите её.
card-mentor = Наставник: { $name }, с { $since }, встреч: { $meetings }.
card-mentee = Наставляемый: { $name }, с { $since }.
command-mentoring = Наставничество
button-caseload-pairs = Пары наставничества
caseload-pairs-title = Пары наставничества ваших педагогов: { $count }
caseload-pair = • { $mentor } → { $mentee }, с { $since }
button-card-make-mentor = Сделать наставником
card-mentor-marked = Педагог отмечен как наставник (2 места), уведомление отправлено.
notify-mentor-marked = Методист { $author } предлагает вам стать наставником: у вас 2 места для молодых коллег. Изменить число мест или поставить наставничество на паузу можно в разделе «Наставничество».

## Показатели и отчёты координатора

indicator-1 = Доля педагогов и руководителей, прошедших диагностику профессиональных дефицитов
indicator-2 = Доля педагогов и руководителей с ИОМ, построенным по результатам диагностики
indicator-3 = Доля педагогов, освоивших программы Федерального реестра, выбранные с учётом диагностики
indicator-4 = Доля управленческих кадров, повысивших квалификацию в управлении качеством образования
indicator-5 = Доля молодых педагогов (до 35 лет, первые 3 года), охваченных наставничеством
indicator-6 = Доля программ Федерального реестра среди всех программ организаторов
indicator-7 = Педагогов на одного регионального методиста
indicator-short-1 = Диагностика
indicator-short-2 = ИОМ
indicator-short-3 = Программы реестра
indicator-short-4 = Управление качеством
indicator-short-5 = Наставничество молодых
indicator-short-6 = Доля программ реестра
indicator-short-7 = Нагрузка методистов
indicator-base-staff-all = от штата: педагоги и руководители
indicator-base-staff-teachers = от штата: педагоги
indicator-base-staff-managers = от штата: руководители
indicator-base-registered = от зарегистрированных в боте
indicator-base-young = от молодых педагогов в боте
indicator-base-programmes = от всех программ организаторов
indicator-base-per-methodist = педагогов по штату на одного методиста
indicators-title = Показатели эффективности за период { $period }
indicators-target = (цель { $target })
indicators-shares = по штату { $staff }; из зарегистрированных в боте { $registered }
indicators-no-staff = нет данных о штате
indicators-no-data = нет данных
indicators-per-methodist = { $value } (региональных методистов: { $methodists })
# A share in percent, the number in the language's format (decimal comma); below and above are bounds («<0,1 %»).
percent = { NUMBER($value, maximumFractionDigits: 1) }{"\u00A0"}%
percent-below = <{ NUMBER($value, maximumFractionDigits: 1) }{"\u00A0"}%
percent-above = >{ NUMBER($value, maximumFractionDigits: 1) }{"\u00A0"}%
# A change in percentage points, with its sign (+, − or ±).
percent-change = { $sign }{ NUMBER($value, maximumFractionDigits: 1) }
indicators-providers = { $share } ({ $n } из { $all })
indicators-explained = Доля «по штату» — от численности педагогов и руководителей из справочника организаций; «из зарегистрированных» — от тех, кто пользуется ботом. Полная таблица по муниципалитетам и организациям — в файле.
indicators-chart-title = Показатели эффективности
indicators-legend-met = цель достигнута
indicators-legend-missed = цель не достигнута
indicators-legend-no-target = цели нет
indicators-legend-target = цель
indicators-xlsx-title = Показатели эффективности региональной системы научно-методического сопровождения
indicators-sheet-region = Регион
indicators-sheet-municipalities = Муниципалитеты
indicators-sheet-organizations = Организации
indicators-sheet-notes = Пояснения
indicators-col-unit = Территория, организация
indicators-col-municipality = Муниципалитет
indicators-col-numerator = Число
indicators-col-staff = По штату
indicators-col-staff-share = Доля по штату
indicators-col-registered = Зарегистрировано
indicators-col-registered-share = Доля от зарегистрированных
indicators-col-target = Цель
indicators-col-met = Достигнута
indicators-col-value = Значение
indicators-yes = да
indicators-no = нет
indicators-notes =
    Источник знаменателей «по штату» — справочник организаций (численность педагогов и руководителей), загружается командой npm run import -- directory.
    1 — прошли диагностику за период; 2 — имеют ИОМ по итогам диагностики, подтверждённый педагогом; 3 — педагоги, выполнившие программу Федерального реестра из своего маршрута за период; 4 — руководители, выполнившие программу по управлению качеством образования за период.
    5 — молодые педагоги (до 35 лет, первые три года работы), состоящие в паре наставничества; численность молодых педагогов в справочнике не ведётся, поэтому доля считается от зарегистрированных.
    6 — программы реестра среди всех программ и мероприятий организатора, известных каталогу бота.
    7 — педагоги по штату на одного регионального методиста; цель — не более 250 педагогов на методиста (проверяется и по фактической нагрузке каждого).
button-indicators = Показатели
button-deficit-map = Карта дефицитов
button-gap = Дефицит программ
button-recommendations = Рекомендации
button-broadcast = Рассылка
indicators-file-name = pokazateli.xlsx
indicators-caption = Показатели по региону, муниципалитетам и организациям — с формулами, которые можно проверить.
map-title = Карта дефицитов за период { $period } (доля прошедших диагностику с дефицитом; в скобках — изменение к прошлому периоду, п. п.)
map-diagnosed = прошли диагностику: { $n }
map-empty = За период диагностику никто не проходил.
map-footer = Показаны все группы, где есть дефициты, — от самых частых. Группы без дефицитов не указаны.
gap-title = Дефицит программ за период { $period }: где много дефицитов и мало предложений каталога
gap-row = • { $group }: дефицитов: { $deficits }; программ: { $programmes }, мероприятий: { $activities }; маршрутов без подходящих программ: { $unserved }
gap-empty = Дефицитов за период нет.
recs-title = Адресные рекомендации за период { $period }: три компетенции и программы для каждого муниципалитета
recs-no-items = в каталоге нет подходящих программ
button-broadcast-mine = Рассылка моим педагогам
button-broadcast-send = Отправить ({ $count })
button-broadcast-report = Отчёт о доставке
segment-all = Всем пользователям
segment-all-mine = Всем моим педагогам
segment-teachers = Педагогам
segment-managers = Руководителям
segment-young = Молодым педагогам
segment-deficit = С дефицитом в компетенции…
segment-municipality = Муниципалитету…
segment-mentors = Наставникам
segment-methodists = Методистам
broadcast-who = Кому отправить сообщение?
broadcast-who-caseload = Кому из ваших педагогов отправить сообщение?
broadcast-which-deficit = Дефицит в какой группе компетенций?
broadcast-ask-text = Напишите текст сообщения (до { $max } { $max ->
        [one] символа
       *[other] символов
    }).
broadcast-text-invalid = Нужен текст до { $max } { $max ->
        [one] символа
       *[other] символов
    }.
broadcast-preview = Получателей: { $count }. Так будет выглядеть сообщение:
broadcast-header-centre = Сообщение от регионального центра (ЦНППМ):
broadcast-header-methodist = Методист { $name } пишет:
broadcast-cancelled = Рассылка отменена.
broadcast-queued = Рассылка поставлена в очередь: { $count } { $count ->
        [one] получатель
        [few] получателя
       *[many] получателей
    }. Сообщения уходят с соблюдением лимитов Telegram.
broadcast-report =
    Отчёт о рассылке (получателей: { $recipients }):
    доставлено — { $sent }; в очереди — { $pending }; заблокировали бота — { $unreachable }; ошибки — { $failed }.
broadcast-list-title = Последние рассылки — нажмите номер, чтобы открыть отчёт:
broadcast-list-empty = Рассылок пока не было.
broadcast-list-line = { $n }. { $at } · { $count } { $count ->
        [one] получатель
        [few] получателя
       *[many] получателей
    } · { $text }
period-ask = За какой период?
period-year = С начала года
period-last12 = Последние 12 месяцев
period-prev = Прошлый год

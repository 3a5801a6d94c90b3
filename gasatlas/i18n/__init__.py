"""Interface strings in English and Russian (numbers and dates are written by ``gasatlas.i18n.formats``)."""

from __future__ import annotations

from gasatlas.model.vocab import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "app_title": {"en": "Central Asia Gas Atlas", "ru": "Газовый атлас Центральной Азии"},
    "nav_map": {"en": "Map", "ru": "Карта"},
    "loading": {"en": "Loading the atlas data…", "ru": "Загрузка данных атласа…"},
    "link_ignored": {"en": "Part of the link was ignored", "ru": "Часть ссылки проигнорирована"},
    "language": {"en": "Language", "ru": "Язык"},
    "basemap": {"en": "Basemap", "ru": "Подложка"},
    "basemap_tiles": {"en": "Online map tiles", "ru": "Онлайн-карта"},
    "basemap_offline": {"en": "Offline (country shapes only)", "ru": "Офлайн (только контуры стран)"},
    "basemap_help": {
        "en": "Without internet the tiles cannot load; country shapes, routes and markers always show.",
        "ru": "Без интернета плитки карты не загрузятся; контуры стран, маршруты и метки видны всегда.",
    },
    "status_since": {"en": "since", "ru": "с"},
    "since_unknown": {"en": "start date not in sources", "ru": "дата начала не указана в источниках"},
    "legend": {"en": "Legend", "ru": "Легенда"},
    "legend_routes": {"en": "Routes by status (width grows with capacity)",
                      "ru": "Маршруты по статусу (толщина — по мощности)"},
    "legend_corridor": {"en": "Curved thin line: supply direction without a pipe of its own",
                        "ru": "Тонкая дуга: направление поставок без собственной трубы"},
    "legend_arrow": {"en": "Arrow: direction of flow on the chosen date",
                     "ru": "Стрелка: направление потока на выбранную дату"},
    "legend_facilities": {"en": "Facilities", "ru": "Объекты"},
    "legend_countries": {"en": "Countries", "ru": "Страны"},
    "focus_country": {"en": "Focus country", "ru": "Страна в фокусе"},
    "context_country": {"en": "Neighbour shown for context", "ru": "Соседняя страна (для контекста)"},
    "capacity": {"en": "Capacity", "ru": "Мощность"},
    "bcm_per_year": {"en": "bcm/yr", "ru": "млрд м³/год"},
    "length": {"en": "Length", "ru": "Протяжённость"},
    "km": {"en": "km", "ru": "км"},
    "operator": {"en": "Operator", "ru": "Оператор"},
    "source": {"en": "Source", "ru": "Источник"},
    "geometry": {"en": "Geometry", "ru": "Геометрия"},
    "location_precision": {"en": "Location", "ru": "Местоположение"},
    "participants": {"en": "Participants", "ru": "Участники"},
    "organisations": {"en": "Organisations", "ru": "Организации"},
    "also_reported": {"en": "also reported by", "ru": "также сообщали"},
    "not_reported": {"en": "not reported", "ru": "не указано"},
    "not_yet": {"en": "not yet in operation or planned on this date", "ru": "на эту дату ещё не существовал"},
    "status_on": {"en": "Status on", "ru": "Статус на"},
    "countries": {"en": "Countries", "ru": "Страны"},
    "country": {"en": "Country", "ru": "Страна"},
    "from": {"en": "From", "ru": "С"},
    "status": {"en": "Status", "ru": "Статус"},
    "direction": {"en": "Flow and notes", "ru": "Направление и примечания"},
    "legend_events": {"en": "Events by type", "ru": "События по типу"},
    "legend_country_only": {"en": "Hollow: only the country is known", "ru": "Пустой кружок: известна только страна"},
    "legend_cluster": {"en": "Several events nearby: click to zoom in or spread them out",
                       "ru": "Несколько событий рядом: щёлкните, чтобы приблизить или раскрыть"},
    "filters": {"en": "Filters", "ru": "Фильтры"},
    "date_range": {"en": "Dates", "ru": "Даты"},
    "filter_countries": {"en": "Countries involved", "ru": "Страны-участницы"},
    "country_match": {"en": "Events involving", "ru": "События с участием"},
    "match_any": {"en": "any of them", "ru": "любой из них"},
    "match_all": {"en": "all of them", "ru": "всех сразу"},
    "country_match_help": {
        "en": "“All of them” shows what happened between the chosen countries: events involving every one of "
              "them, and gas flows from one to another.",
        "ru": "«Всех сразу» показывает отношения между выбранными странами: события с участием каждой из них "
              "и потоки газа из одной в другую.",
    },
    "date_presets": {"en": "Period", "ru": "Период"},
    "dates_all": {"en": "All", "ru": "Всё время"},
    "dates_last_12_months": {"en": "Last 12 months", "ru": "Последние 12 месяцев"},
    "date_from": {"en": "First day", "ru": "Первый день"},
    "date_to": {"en": "Last day", "ru": "Последний день"},
    "filter_types": {"en": "Event types", "ru": "Типы событий"},
    "filter_actors": {"en": "People and organisations", "ru": "Люди и организации"},
    "search": {"en": "Search titles and summaries", "ru": "Поиск по заголовкам и описаниям"},
    "search_placeholder": {"en": "e.g. Orenburg, roadmap", "ru": "например, Оренбург, дорожная карта"},
    "reset_filters": {"en": "Reset filters", "ru": "Сбросить фильтры"},
    "any": {"en": "Any", "ru": "Любые"},
    "shown_of_total": {"en": "Showing {shown} of {total} events", "ru": "Показано событий: {shown} из {total}"},
    "network_on": {"en": "Network shown as of {date} (the end of the date range)",
                   "ru": "Сеть показана на {date} (конец выбранного периода)"},
    "no_match": {"en": "No event matches these filters.", "ru": "Ни одно событие не подходит под эти фильтры."},
    "click_hint": {"en": "Click a marker, a route or a facility on the map — or a row in the table — "
                         "to see its details here.",
                   "ru": "Щёлкните метку, маршрут или объект на карте — или строку таблицы, — "
                         "чтобы увидеть подробности."},
    "related_routes": {"en": "Routes", "ru": "Маршруты"},
    "related_facilities": {"en": "Facilities", "ru": "Объекты"},
    "related_events": {"en": "Events", "ru": "События"},
    "clear_selection": {"en": "Close", "ru": "Закрыть"},
    "selection_filtered_out": {"en": "This event is hidden by the current filters.",
                               "ru": "Это событие скрыто текущими фильтрами."},
    "events_table": {"en": "Events", "ru": "События"},
    "table_rows": {"en": "Rows", "ru": "Строки"},
    "table_rows_of": {"en": "{first}–{last} of {total}", "ru": "{first}–{last} из {total}"},
    "col_date": {"en": "Date", "ru": "Дата"},
    "col_title": {"en": "Event", "ru": "Событие"},
    "col_type": {"en": "Type", "ru": "Тип"},
    "col_place": {"en": "Place", "ru": "Место"},
    "col_volume": {"en": "Volume", "ru": "Объём"},
    "col_participants": {"en": "Participants", "ru": "Участники"},
    "col_source": {"en": "Source", "ru": "Источник"},
    "store_unavailable": {"en": "Events added by users are not shown: the event store cannot be reached.",
                          "ru": "События, добавленные пользователями, не показаны: хранилище недоступно."},
    "nav_add_news": {"en": "Add news", "ru": "Добавить новость"},
    "nav_timeline": {"en": "Timeline", "ru": "Хронология"},
    "nav_actors": {"en": "Actors", "ru": "Участники"},
    "nav_routes": {"en": "Routes", "ru": "Маршруты"},
    "nav_data": {"en": "Data & sources", "ru": "Данные и источники"},
    "timeline_title": {"en": "Timeline", "ru": "Хронология"},
    "timeline_help": {
        "en": "Drag across the events to choose a date range for every page; click an event to select it.",
        "ru": "Проведите по событиям, чтобы выбрать период для всех страниц; щёлкните событие, чтобы выбрать его.",
    },
    "colour_by": {"en": "Colour and rows by", "ru": "Цвет и строки"},
    "by_type": {"en": "Event type", "ru": "Тип события"},
    "by_country": {"en": "Country", "ru": "Страна"},
    "route_statuses": {"en": "Route statuses over time", "ru": "Статусы маршрутов во времени"},
    "chosen_range": {"en": "Chosen dates: {start} – {end}", "ru": "Выбранный период: {start} – {end}"},
    "timeline_shown": {"en": "{shown} of {total} events match the other filters (every date is drawn)",
                       "ru": "Событий по остальным фильтрам: {shown} из {total} (показаны все даты)"},
    "all_dates": {"en": "All dates", "ru": "Все даты"},
    "actors_title": {"en": "Who met whom", "ru": "Кто с кем встречался"},
    "actors_help": {
        "en": "People and organisations are linked when they appear in the same event; circle size is the number "
              "of events. Click a circle or a table row to show only that actor's events everywhere.",
        "ru": "Люди и организации связаны, если участвуют в одном событии; размер круга — число событий. "
              "Щёлкните круг или строку таблицы, чтобы везде показать только события этого участника.",
    },
    "shared_events": {"en": "Shared events", "ru": "Общие события"},
    "events_count": {"en": "Events", "ru": "Событий"},
    "actor": {"en": "Actor", "ru": "Участник"},
    "role": {"en": "Role", "ru": "Должность"},
    "first_event": {"en": "First event", "ru": "Первое событие"},
    "last_event": {"en": "Last event", "ru": "Последнее событие"},
    "chosen_actors": {"en": "Showing the events of: {names}", "ru": "Показаны события: {names}"},
    "clear_actor": {"en": "Show everyone", "ru": "Показать всех"},
    "no_actors": {"en": "No people or organisations in the shown events.",
                  "ru": "В показанных событиях нет людей и организаций."},
    "routes_title": {"en": "Routes and facilities", "ru": "Маршруты и объекты"},
    "routes_table": {"en": "Routes", "ru": "Маршруты"},
    "facilities_table": {"en": "Facilities", "ru": "Объекты"},
    "route_detail": {"en": "One route", "ru": "Маршрут подробно"},
    "choose_route": {"en": "Route", "ru": "Маршрут"},
    "route_events": {"en": "Its events (within the filters)", "ru": "Его события (с учётом фильтров)"},
    "status_history": {"en": "Status history", "ru": "История статусов"},
    "col_name": {"en": "Name", "ru": "Название"},
    "col_kind": {"en": "Kind", "ru": "Вид"},
    "col_status": {"en": "Status on {date}", "ru": "Статус на {date}"},
    "col_capacity": {"en": "Capacity, bcm/yr", "ru": "Мощность, млрд м³/год"},
    "col_length": {"en": "Length, km", "ru": "Длина, км"},
    "col_operator": {"en": "Operator", "ru": "Оператор"},
    "col_countries": {"en": "Countries", "ru": "Страны"},
    "col_history": {"en": "Status history", "ru": "История статусов"},
    "col_precision": {"en": "Location", "ru": "Местоположение"},
    "data_title": {"en": "Data and sources", "ru": "Данные и источники"},
    "sources": {"en": "Sources", "ru": "Источники"},
    "sources_help": {"en": "Every source the atlas cites; the counts follow the filters.",
                     "ru": "Все источники атласа; числа учитывают фильтры."},
    "col_events_resting": {"en": "Events resting on it", "ru": "Событий на нём"},
    "col_also": {"en": "Also reported", "ru": "Также сообщает"},
    "col_routes_n": {"en": "Routes", "ru": "Маршрутов"},
    "col_facilities_n": {"en": "Facilities", "ru": "Объектов"},
    "col_actors_n": {"en": "Actors", "ru": "Участников"},
    "dictionary": {"en": "Data dictionary", "ru": "Словарь данных"},
    "col_file": {"en": "File", "ru": "Файл"},
    "col_column": {"en": "Column", "ru": "Поле"},
    "col_meaning": {"en": "Meaning", "ru": "Значение"},
    "downloads": {"en": "Downloads", "ru": "Скачать"},
    "downloads_help": {"en": "Events as filtered now ({count}); the CSV can be imported back into the atlas.",
                       "ru": "События с текущими фильтрами ({count}); CSV можно снова загрузить в атлас."},
    "download_csv": {"en": "Events (CSV)", "ru": "События (CSV)"},
    "download_geojson": {"en": "Events (GeoJSON)", "ru": "События (GeoJSON)"},
    "download_excel": {"en": "Events (Excel)", "ru": "События (Excel)"},
    "download_routes": {"en": "Routes (GeoJSON)", "ru": "Маршруты (GeoJSON)"},
    "download_facilities": {"en": "Facilities (GeoJSON)", "ru": "Объекты (GeoJSON)"},
    "stored_title": {"en": "The whole atlas in the data/ formats", "ru": "Весь атлас в форматах data/"},
    "stored_help": {
        "en": "The atlas as it stands now — the curated files with the moderators' corrections, and the {count} "
              "event record(s) added in the app — in the format of data/events.csv and data/actors.csv: to review "
              "corrections into the curated files, or to move the atlas to another deployment.",
        "ru": "Атлас в нынешнем виде — основные файлы с исправлениями модераторов и записи о событиях, добавленные "
              "в приложении ({count}), — в формате data/events.csv и data/actors.csv: чтобы перенести исправления в "
              "основные файлы или перенести атлас в другую установку.",
    },
    "download_stored": {"en": "The atlas now (ZIP of events.csv, actors.csv)",
                        "ru": "Атлас сейчас (ZIP: events.csv, actors.csv)"},
    "import_help": {"en": "Import such files: new events are published, changed ones are corrections (revisions).",
                    "ru": "Импорт таких файлов: новые события публикуются, изменённые становятся исправлениями."},
    "import_help_contributor": {
        "en": "Import such files: new events go to the review queue; changes to existing events need a moderator.",
        "ru": "Импорт таких файлов: новые события попадут в очередь на проверку; изменять имеющиеся может модератор.",
    },
    "import_events": {"en": "events.csv to import", "ru": "events.csv для импорта"},
    "import_actors": {"en": "actors.csv with the people they name (optional)",
                      "ru": "actors.csv с упомянутыми людьми (необязательно)"},
    "import_button": {"en": "Import", "ru": "Импортировать"},
    "import_need_file": {"en": "Choose an events.csv first.", "ru": "Сначала выберите events.csv."},
    "import_not_utf8": {"en": "{file} is not UTF-8 text.", "ru": "{file} — не текст в кодировке UTF-8."},
    "import_invalid": {"en": "Nothing was imported. Fix these rows and try again:",
                       "ru": "Ничего не импортировано. Исправьте эти строки и повторите:"},
    "stored_unreadable": {
        "en": "{count} stored record(s) are not shown: they fail today's checks (for example a date outside "
              "1900 to today). Correct or remove them in the database:",
        "ru": "Не показано сохранённых записей: {count} — они не проходят проверку (например, дата вне диапазона "
              "от 1900 года до сегодняшнего дня). Исправьте или удалите их в базе данных:",
    },
    "import_failed": {"en": "Nothing was imported: the event store is unavailable. Please try again later.",
                      "ru": "Ничего не импортировано: хранилище событий недоступно. Попробуйте позже."},
    "imported": {"en": "Imported {stored} new event(s) and {corrected} correction(s); {unchanged} were already in "
                       "the atlas.",
                 "ru": "Импортировано новых событий: {stored}, исправлений: {corrected}; уже были в атласе: "
                       "{unchanged}."},
    "cite": {"en": "Cite this view", "ru": "Как сослаться на этот вид"},
    "citation": {
        "en": "Central Asia Gas Atlas: {count} events, {start} – {end}{facets}. Accessed {today}. {url}",
        "ru": "Газовый атлас Центральной Азии: событий — {count}, {start} – {end}{facets}. "
              "Дата обращения: {today}. {url}",
    },
    "citation_credits": {
        "en": "Country shapes: Natural Earth. Route lines: Global Energy Monitor (CC BY 4.0), © OpenStreetMap "
              "contributors (ODbL). Facts: the sources listed above.",
        "ru": "Контуры стран: Natural Earth. Линии маршрутов: Global Energy Monitor (CC BY 4.0), © участники "
              "OpenStreetMap (ODbL). Факты: источники, перечисленные выше.",
    },
    "news_title": {"en": "Add events from a news article", "ru": "События из новостной статьи"},
    "news_intro": {
        "en": "Paste an article, upload a file or give its link, say where and when it was published, and review "
              "the events the atlas finds in it before they are saved.",
        "ru": "Вставьте статью, загрузите файл или дайте ссылку, укажите, где и когда она опубликована, и "
              "проверьте найденные атласом события, прежде чем сохранить их.",
    },
    "news_paste": {"en": "Article text (Russian or English)", "ru": "Текст статьи (русский или английский)"},
    "news_paste_placeholder": {"en": "Paste the article here…", "ru": "Вставьте текст статьи…"},
    "news_upload": {"en": "…or upload a .txt, .md or .html file", "ru": "…или загрузите файл .txt, .md или .html"},
    "news_link": {"en": "…or the article's link: the atlas fetches the page itself",
                  "ru": "…или ссылка на статью: атлас сам загрузит страницу"},
    "news_stage_fetch": {"en": "Fetching the page", "ru": "Загрузка страницы"},
    "news_bad_link": {"en": "The page cannot be read", "ru": "Страницу нельзя прочитать"},
    "news_new_actors": {
        "en": "New people and organisations this article names (one line each, however spelled). They are saved "
              "with the events that name them: check their names and transliterations.",
        "ru": "Новые люди и организации из статьи (по одной строке, как бы их ни писали). Они сохраняются вместе "
              "с событиями, где названы: проверьте имена и транслитерацию.",
    },
    "news_actor_ru": {"en": "Name (RU)", "ru": "Имя (RU)"},
    "news_actor_en": {"en": "Name (EN, machine transliteration)", "ru": "Имя (EN, машинная транслитерация)"},
    "news_actor_kind": {"en": "Kind", "ru": "Тип"},
    "news_published": {"en": "Publication date", "ru": "Дата публикации"},
    "news_source_title": {"en": "Source (publication and headline)", "ru": "Источник (издание и заголовок)"},
    "news_source_url": {"en": "Source URL", "ru": "Ссылка на источник"},
    "news_extract": {"en": "Find events", "ru": "Найти события"},
    "news_extracting": {"en": "Reading the article…", "ru": "Читаю статью…"},
    "news_waiting": {"en": "Waiting for a free reader: {position} in line.",
                     "ru": "Ожидание свободного обработчика: место в очереди — {position}."},
    "news_stage_analyse": {"en": "Analysing the text", "ru": "Анализ текста"},
    "news_stage_read": {"en": "Reading sentence by sentence", "ru": "Чтение по предложениям"},
    "news_stage_compose": {"en": "Composing candidate events", "ru": "Составление событий"},
    "news_cancel": {"en": "Cancel", "ru": "Отменить"},
    "news_cancelled": {"en": "Reading was cancelled.", "ru": "Чтение отменено."},
    "news_busy": {"en": "The article reader is busy with other visitors' articles. Please try again in a minute.",
                  "ru": "Обработчик статей занят статьями других посетителей. Попробуйте через минуту."},
    "news_failed": {"en": "The article could not be read. The details were logged for the operator.",
                    "ru": "Статью не удалось прочитать. Подробности записаны в журнал для администратора."},
    "news_read_as": {"en": "{file} was read as {encoding}.", "ru": "{file} прочитан в кодировке {encoding}."},
    "news_need_text": {"en": "Paste a text, upload a file or give the article's link.",
                       "ru": "Вставьте текст, загрузите файл или дайте ссылку на статью."},
    "news_need_date": {"en": "Give the publication date: dates in the text are read against it.",
                       "ru": "Укажите дату публикации: даты в тексте отсчитываются от неё."},
    "news_need_title": {"en": "Name the source (publication and headline).",
                        "ru": "Укажите источник (издание и заголовок)."},
    "news_need_url": {"en": "Give the source's full URL (https://…).", "ru": "Укажите полную ссылку (https://…)."},
    "news_bad_article": {"en": "The article cannot be used", "ru": "Статью нельзя использовать"},
    "news_none_found": {"en": "No dated event was found in this article.",
                        "ru": "В статье не найдено событий с датами."},
    "news_review_help": {
        "en": "Each row is one event the article reports. Untick what is wrong, correct dates, places, types and "
              "people in place; rows that repeat a stored event start unticked.",
        "ru": "Каждая строка — событие из статьи. Снимите отметку с ошибочных, исправьте даты, места, типы и "
              "участников прямо в таблице; повторы уже сохранённых событий отмечены снятыми.",
    },
    "news_accept": {"en": "Keep", "ru": "Сохранить"},
    "news_date_precision": {"en": "Date precision", "ru": "Точность даты"},
    "news_confidence": {"en": "Confidence", "ru": "Уверенность"},
    "news_duplicate": {"en": "Already stored as", "ru": "Уже сохранено как"},
    "news_flags": {"en": "Check", "ru": "Проверить"},
    "news_quote": {"en": "Supporting sentence", "ru": "Фраза из статьи"},
    "news_save": {"en": "Save {count} event(s)", "ru": "Сохранить события: {count}"},
    "news_save_invalid": {"en": "Nothing was saved. Correct these fields:",
                          "ru": "Ничего не сохранено. Исправьте поля:"},
    "news_save_failed": {"en": "Nothing was saved: the event store is unavailable. Please try again later.",
                         "ru": "Ничего не сохранено: хранилище событий недоступно. Попробуйте позже."},
    "news_submit": {"en": "Submit {count} event(s) for review", "ru": "Отправить на проверку: {count}"},
    "news_submitted": {
        "en": "Submitted {count} event(s) for review. Moderators will check them against the article; until then "
              "only you see them, marked as unreviewed.",
        "ru": "Отправлено на проверку: {count}. Модераторы сверят их со статьёй; до тех пор их видите только вы, "
              "с пометкой «не проверено».",
    },
    "my_submissions": {"en": "Your submissions", "ru": "Ваши предложения"},
    "news_saved": {"en": "Saved {count} event(s). They are on the map and in the table now.",
                   "ru": "Сохранено событий: {count}. Они уже на карте и в таблице."},
    "news_show_on_map": {"en": "Show on the map", "ru": "Показать на карте"},
    "data_error": {
        "en": "The atlas data could not be loaded. Fix the data files and reload:",
        "ru": "Не удалось загрузить данные атласа. Исправьте файлы данных и перезагрузите страницу:",
    },
}


STRINGS |= {
    # What the news reader does for each language of an article, stated honestly on the Add news page.
    "support_ru": {
        "en": "Russian: full support — natasha's NER and lemmatiser find people, organisations and places in any "
              "case form, including people the atlas does not know yet.",
        "ru": "Русский: полная поддержка — NER и лемматизатор natasha находят людей, организации и места в любом "
              "падеже, в том числе людей, которых ещё нет в атласе.",
    },
    "support_en": {
        "en": "English: partial — dates, places in the gazetteer and people or organisations already in the atlas "
              "are found; new people only when a role introduces them (\"Energy Minister Jurabek Mirzamakhmudov\").",
        "ru": "Английский: частично — находятся даты, места из справочника и люди или организации, уже известные "
              "атласу; новые люди — только если перед именем названа должность.",
    },
    "nav_review": {"en": "Review queue", "ru": "Очередь проверки"},
    "nav_audit": {"en": "Audit log", "ru": "Журнал изменений"},
    "role_reader": {"en": "reader", "ru": "читатель"},
    "role_contributor": {"en": "contributor", "ru": "автор"},
    "role_moderator": {"en": "moderator", "ru": "модератор"},
    "account_local": {"en": "Local mode: you are the atlas's moderator", "ru": "Локальный режим: вы модератор атласа"},
    "account_local_help": {
        "en": "No sign-in is configured and the server listens on this computer only, so its one user may change "
              "the data. See the README to set up sign-in for a public server.",
        "ru": "Вход не настроен, а сервер слушает только этот компьютер, поэтому его единственный пользователь может "
              "изменять данные. О настройке входа для публичного сервера — в README.",
    },
    "account_signed_in": {"en": "Signed in as {name} ({role})", "ru": "Вы вошли как {name} ({role})"},
    "sign_in": {"en": "Sign in", "ru": "Войти"},
    "sign_out": {"en": "Sign out", "ru": "Выйти"},
    "sign_in_to_contribute": {
        "en": "Sign in to add events: what you submit goes to the review queue before it appears on the atlas.",
        "ru": "Войдите, чтобы добавлять события: они попадут в очередь проверки, прежде чем появиться в атласе.",
    },
    "read_only_server": {
        "en": "This atlas is read-only: it is served to the network without sign-in. The operator can enable "
              "sign-in with an OpenID Connect provider ([auth] in .streamlit/secrets.toml, see the README) or run "
              "it on 127.0.0.1 for a single local user.",
        "ru": "Этот атлас только для чтения: он открыт в сети без входа. Администратор может включить вход через "
              "провайдера OpenID Connect ([auth] в .streamlit/secrets.toml, см. README) или запустить его на "
              "127.0.0.1 для одного локального пользователя.",
    },
    "no_contributor_role": {"en": "Your account may read the atlas but not add to it. Ask its moderators.",
                            "ru": "Ваша учётная запись может читать атлас, но не добавлять в него. "
                                  "Обратитесь к модераторам."},
    "not_allowed": {"en": "Not done:", "ru": "Не выполнено:"},
    "unreviewed": {"en": "unreviewed", "ru": "не проверено"},
    "unreviewed_note": {"en": "Your submission, awaiting review: only you see it on the map.",
                        "ru": "Ваше предложение ждёт проверки: на карте его видите только вы."},
    "moderators_only": {"en": "This page is for the atlas's moderators.",
                        "ru": "Эта страница — для модераторов атласа."},
    "edit_event": {"en": "Edit this event", "ru": "Изменить событие"},
    "event_history": {"en": "History of an event", "ru": "История события"},
    "edit_comment": {"en": "Why (saved with the revision)", "ru": "Почему (сохраняется с правкой)"},
    "edit_save": {"en": "Save as a new revision", "ru": "Сохранить как новую правку"},
    "edit_saved": {"en": "Saved as a new revision.", "ru": "Сохранено как новая правка."},
    "edit_invalid": {"en": "Not saved. Correct these fields:", "ru": "Не сохранено. Исправьте поля:"},
    "edit_failed": {"en": "Not saved: the event store is unavailable. Please try again later.",
                    "ru": "Не сохранено: хранилище событий недоступно. Попробуйте позже."},
    "edit_conflict": {
        "en": "Not saved: someone changed {id} meanwhile (it is now at revision {number}). Both versions are below; "
              "nothing was lost. Reopen the editor to work on the saved version.",
        "ru": "Не сохранено: кто-то уже изменил {id} (теперь правка {number}). Обе версии ниже; ничего не потеряно. "
              "Откройте редактор снова, чтобы править сохранённую версию.",
    },
    "col_field": {"en": "Field", "ru": "Поле"},
    "version_saved": {"en": "Saved meanwhile", "ru": "Сохранено другим"},
    "version_yours": {"en": "Yours", "ru": "Ваша версия"},
    "version_differs": {"en": "Differs", "ru": "Отличается"},
    "conflict_dismiss": {"en": "Close", "ru": "Закрыть"},
    "review_title": {"en": "Review queue", "ru": "Очередь проверки"},
    "review_help": {
        "en": "Submitted events wait here until a moderator checks them against their article: approve to publish, "
              "reject to keep them off the atlas, edit to correct them. Every decision is a revision with its comment.",
        "ru": "Предложенные события ждут здесь, пока модератор не сверит их со статьёй: «одобрить» — опубликовать, "
              "«отклонить» — не показывать, «изменить» — исправить. Каждое решение — правка с комментарием.",
    },
    "review_count": {"en": "{count} event(s) waiting.", "ru": "Ожидают проверки: {count}."},
    "review_meta": {"en": "Submitted by {who} · {id} · confidence {confidence}",
                    "ru": "Предложил(а) {who} · {id} · уверенность {confidence}"},
    "review_article": {"en": "The article it was read from", "ru": "Статья, из которой оно прочитано"},
    "review_no_article": {"en": "No article text was kept (an import).", "ru": "Текст статьи не сохранён (импорт)."},
    "review_comment": {"en": "Comment for the contributor", "ru": "Комментарий для автора"},
    "review_approve": {"en": "Approve", "ru": "Одобрить"},
    "review_reject": {"en": "Reject", "ru": "Отклонить"},
    "review_approved": {"en": "Approved: the event is on the atlas.", "ru": "Одобрено: событие в атласе."},
    "review_rejected": {"en": "Rejected.", "ru": "Отклонено."},
    "history_none": {"en": "No revisions: this event is as the curated files have it.",
                     "ru": "Правок нет: событие таково, как в основных файлах."},
    "col_revision": {"en": "Revision", "ru": "Правка"},
    "col_when": {"en": "When (UTC)", "ru": "Когда (UTC)"},
    "col_who": {"en": "Who", "ru": "Кто"},
    "col_action": {"en": "Action", "ru": "Действие"},
    "col_status_now": {"en": "Status after", "ru": "Статус после"},
    "col_changes": {"en": "What changed", "ru": "Что изменено"},
    "col_comment": {"en": "Why", "ru": "Почему"},
    "col_record": {"en": "Record", "ru": "Запись"},
    "restore_which": {"en": "Revision to make current again", "ru": "Правка, которую вернуть"},
    "restore": {"en": "Restore", "ru": "Вернуть"},
    "restored": {"en": "Restored as a new revision.", "ru": "Возвращено новой правкой."},
    "delete": {"en": "Delete (can be restored)", "ru": "Удалить (можно вернуть)"},
    "deleted": {"en": "Deleted: the event is off the atlas; its history keeps every revision.",
                "ru": "Удалено: события нет в атласе; в истории сохранены все правки."},
    "audit_title": {"en": "Audit log", "ru": "Журнал изменений"},
    "audit_help": {"en": "Every change to the atlas: who made it, when, what changed and why.",
                   "ru": "Все изменения атласа: кто, когда, что изменил и почему."},
    "audit_person": {"en": "Person", "ru": "Кто"},
    "audit_action": {"en": "Action", "ru": "Действие"},
    "audit_days": {"en": "Days", "ru": "Дни"},
    "audit_count": {"en": "{count} change(s).", "ru": "Изменений: {count}."},
    "audit_download": {"en": "Download the log (CSV)", "ru": "Скачать журнал (CSV)"},
    "audit_event": {"en": "Event id (deleted ones too)", "ru": "Идентификатор события (в том числе удалённого)"},
}


STRINGS |= {
    "route_widths": {"en": "Route width", "ru": "Толщина маршрутов"},
    "widths_capacity": {"en": "capacity", "ru": "по мощности"},
    "widths_flow": {"en": "gas that moved", "ru": "по прошедшему газу"},
    "widths_help": {
        "en": "Gas that moved: each route is as wide as the volume reported for the year of the date range's end "
              "(an estimate when nothing is reported, labelled so). Routes without such a figure are drawn thin, "
              "grey and dashed: no data, not zero.",
        "ru": "По прошедшему газу: толщина маршрута — объём, о котором сообщалось за год конца выбранного периода "
              "(если отчёта нет — оценка, с пометкой). Маршруты без такой цифры — тонкие серые пунктирные: нет "
              "данных, а не ноль.",
    },
    "widths_on": {"en": "route widths: gas that moved in {year}", "ru": "толщина маршрутов: газ за {year} год"},
    "bcm": {"en": "bcm", "ru": "млрд м³"},
    "estimate_short": {"en": "est.", "ru": "оценка"},
    "legend_flows": {"en": "Routes by status; width: gas that moved in {year}",
                     "ru": "Маршруты по статусу; толщина — газ, прошедший за {year} год"},
    "legend_flow_reported": {"en": "Label in bcm: the volume reported for the whole year",
                             "ru": "Подпись в млрд м³: объём за год по отчётам"},
    "legend_flow_estimate": {"en": "“≈ … est.”: an estimate, as nothing is reported",
                             "ru": "«≈ … оценка»: оценка, отчёта нет"},
    "legend_flow_none": {"en": "Grey dashed: no figure for {year} — no data, not zero",
                         "ru": "Серый пунктир: за {year} год цифры нет — нет данных, а не ноль"},
    "legend_flow_not_drawn": {
        "en": "Contract and capacity figures are never drawn as gas that moved; months and quarters are not added "
              "up. Every figure and its source is in the route's card and on the Flows page.",
        "ru": "Контрактные объёмы и мощности никогда не показываются как прошедший газ; месяцы и кварталы не "
              "суммируются. Все цифры с источниками — в карточке маршрута и на странице «Потоки газа».",
    },
    "flow_tip_none": {"en": "{year}: no reported or estimated figure", "ru": "{year}: нет ни отчёта, ни оценки"},
    "flows_in_year": {"en": "Flow figures for {year}", "ru": "Данные о потоках за {year} год"},
    "no_flows_in_year": {"en": "No flow figure for {year}.", "ru": "Данных о потоках за {year} год нет."},
    "col_period": {"en": "Period", "ru": "Период"},
    "col_direction": {"en": "Direction", "ru": "Направление"},
    "col_volume": {"en": "Volume, bcm", "ru": "Объём, млрд м³"},
    "col_kind": {"en": "Kind", "ru": "Вид"},
    "col_route": {"en": "Route", "ru": "Маршрут"},
    "col_partner": {"en": "From / to", "ru": "Откуда / куда"},
    "col_note": {"en": "Note", "ru": "Примечание"},
    "col_quote": {"en": "Quote", "ru": "Цитата"},
    "nav_flows": {"en": "Flows", "ru": "Потоки газа"},
    "flows_title": {"en": "Gas flows", "ru": "Потоки газа"},
    "flows_help": {
        "en": "How much gas moved (or was contracted, estimated, or could move) along each route, as its source "
              "reports it. The table follows the shared dates (figures whose period overlaps them) and countries "
              "(a figure's two ends); event types, people and the search apply to events only.",
        "ru": "Сколько газа прошло (было законтрактовано, оценено или могло пройти) по каждому маршруту — так, как "
              "сообщает источник. Таблица следует общим датам (цифры, чей период их пересекает) и странам (два "
              "конца потока); типы событий, участники и поиск относятся только к событиям.",
    },
    "flows_count": {"en": "{shown} of {total} figures", "ru": "Цифр: {shown} из {total}"},
    "flows_none": {"en": "No flow figure matches these dates and countries.",
                   "ru": "Ни одна цифра не подходит под эти даты и страны."},
    "download_flows": {"en": "Figures in view (CSV)", "ru": "Показанные цифры (CSV)"},
    "download_flows_help": {"en": "The {count} figure(s) in the table, in the format of data/flows.csv.",
                            "ru": "Цифры из таблицы ({count}) в формате data/flows.csv."},
    "balance_title": {"en": "Gas balance of a country", "ru": "Газовый баланс страны"},
    "balance_country": {"en": "Country", "ru": "Страна"},
    "balance_year": {"en": "Year", "ru": "Год"},
    "balance_help": {
        "en": "How gas touched the country in the year, by route and partner, as the sources give it: what came in, "
              "what went out, what crossed it in transit, and what was sent across a border to be processed and "
              "returned (neither an export nor an import). Reported, estimated and contracted volumes are kept "
              "apart and never added together; a capacity is not a flow; a pipeline's whole-route total is left "
              "out (its per-country parts are here) and so is another source's figure; months and quarters are "
              "listed, only whole-year figures are added up.",
        "ru": "Как газ касался страны за год, по маршрутам и партнёрам, так, как сообщают источники: что пришло, "
              "что ушло, что прошло транзитом и что было отправлено за границу на переработку с возвратом (ни "
              "экспорт, ни импорт). Фактические, оценочные и контрактные объёмы показаны отдельно и не "
              "складываются; мощность — не поток; итог по всему газопроводу не учитывается (здесь его части по "
              "странам), как и цифра другого источника; месяцы и кварталы перечислены, складываются только цифры "
              "за весь год.",
    },
    "balance_in": {"en": "came in", "ru": "пришло"},
    "balance_out": {"en": "went out", "ru": "ушло"},
    "balance_none": {"en": "No figure names {country} as an end or a transit country of a flow in {year}.",
                     "ru": "Нет цифр, где {country} — начало, конец или страна транзита потока в {year} году."},
    "balance_totals": {"en": "Whole-year totals, each kind apart", "ru": "Итоги за год, каждый вид отдельно"},
    "balance_total_line": {"en": "{direction}, {kind}: {volume} bcm (routes: {routes})",
                           "ru": "{direction}, {kind}: {volume} млрд м³ (маршрутов: {routes})"},
    "col_way": {"en": "In, out, transit or processing", "ru": "Приход, уход, транзит или переработка"},
    "balance_transit": {"en": "crossed in transit", "ru": "прошло транзитом"},
    "balance_processing": {"en": "sent for processing and returned", "ru": "на переработку с возвратом"},
    "balance_known_share": {
        "en": "Known: {known} of {touched} routes and directions that touched {country} in {year} have a whole-year "
              "figure of gas that moved; the others have only a contract, months, or an explicit gap.",
        "ru": "Известно: по {known} из {touched} маршрутов и направлений, касавшихся страны ({country}) в {year} "
              "году, есть цифра прошедшего газа за весь год; по остальным — лишь контракт, месяцы или явный пробел."},
    "balance_chart_help": {
        "en": "Stacked bars, because a balance is a sum of parts: each bar is one direction and one kind of figure, "
              "its length that kind's whole-year total and its segments the routes and partners. Kinds get bars of "
              "their own and are never stacked together: a contract added to gas that moved means nothing.",
        "ru": "Столбцы с накоплением, потому что баланс — сумма частей: каждый столбец — одно направление и один "
              "вид цифр, его длина — итог этого вида за год, сегменты — маршруты и партнёры. Разные виды цифр "
              "получают свои столбцы и не складываются: контракт плюс прошедший газ ничего не значит."},
    "matrix_title": {"en": "Every route, every year", "ru": "Каждый маршрут, каждый год"},
    "matrix_help": {
        "en": "What the atlas knows of each route and year: the whole-year figure of gas that moved (≈ an estimate; "
              "Σ a whole-pipeline total), or else months only, a contract or capacity, or an explicit gap — no "
              "public figure was found (what was searched is in the gap list below). An empty cell: no row, the "
              "route was not operating.",
        "ru": "Что атлас знает о каждом маршруте и годе: цифра прошедшего газа за весь год (≈ — оценка; Σ — итог "
              "по всему газопроводу), иначе — только месяцы, контракт или мощность, либо явный пробел: публичной "
              "цифры не найдено (что искали — в списке пробелов ниже). Пустая клетка: строки нет, маршрут не "
              "работал."},
    "matrix_partial": {"en": "months only", "ru": "только месяцы"},
    "matrix_gap": {"en": "no public figure", "ru": "нет публичных данных"},
    "gaps_title": {"en": "Gaps: what was searched", "ru": "Пробелы: что искали"},
    "col_searched": {"en": "Searched", "ru": "Что искали"},
    "col_retrieved": {"en": "Checked on", "ru": "Сверено"},
    "conflicts_title": {"en": "Where sources disagree", "ru": "Где источники расходятся"},
    "conflicts_help": {
        "en": "The same route, direction, period and kind of figure as two sources give it: the figure the atlas "
              "uses is marked, the other is listed beside it with its own source and date — never averaged.",
        "ru": "Одна и та же цифра (маршрут, направление, период, вид) по двум источникам: используемая атласом "
              "отмечена, другая приведена рядом со своим источником и датой — без усреднения."},
    "conflicts_none": {"en": "No two sources disagree on a figure in view.",
                       "ru": "Среди показанных цифр расхождений между источниками нет."},
    "col_figure": {"en": "Figure", "ru": "Цифра"},
    "col_choice": {"en": "In the atlas", "ru": "В атласе"},
    "col_source_date": {"en": "Published", "ru": "Опубликовано"},
    "data_last_updated": {"en": "Data last updated: {date}", "ru": "Данные обновлены: {date}"},
    "data_last_updated_unknown": {"en": "Data last updated: unknown", "ru": "Дата обновления данных неизвестна"},
    "route_flows": {"en": "Gas that moved, contracts and capacity, by year",
                    "ru": "Прошедший газ, контракты и мощность по годам"},
    "route_flows_sub": {"en": "Months and quarters (bcm in the period, not comparable with yearly totals)",
                        "ru": "Месяцы и кварталы (млрд м³ за период, не сравнимы с годовыми итогами)"},
    "route_no_flows": {"en": "No flow figure for this route yet.", "ru": "Данных о потоках по маршруту пока нет."},
    "route_capacity": {"en": "Capacity in routes.geojson", "ru": "Мощность по routes.geojson"},
    "bcm_in_period": {"en": "bcm in the period", "ru": "млрд м³ за период"},
    # Issue 18, the table's order and the map's framing (branch table-frame).
    "table_sort_by": {"en": "Sort by", "ru": "Сортировка"},
    "table_sort_help": {
        "en": "Orders all {total} rows of the filtered table, across its pages. Clicking a column heading "
              "sorts only the rows on the page in view.",
        "ru": "Упорядочивает все {total} строк отобранной таблицы, на всех её страницах. Щелчок по заголовку "
              "столбца сортирует только строки показанной страницы.",
    },
    "table_sort_direction": {"en": "Order", "ru": "Порядок"},
    "table_sort_date_asc": {"en": "Oldest first", "ru": "Сначала ранние"},
    "table_sort_date_desc": {"en": "Newest first", "ru": "Сначала поздние"},
    "table_sort_text_asc": {"en": "A → Z", "ru": "А → Я"},
    "table_sort_text_desc": {"en": "Z → A", "ru": "Я → А"},
    "map_fullscreen": {"en": "Full screen", "ru": "Во весь экран"},
    "map_fullscreen_exit": {"en": "Leave full screen", "ru": "Выйти из полноэкранного режима"},
    "map_show_everything": {"en": "Show the whole network", "ru": "Показать всю сеть"},
}


def t(key: str, lang: Lang) -> str:
    """The interface string ``key`` in ``lang``; a missing key fails loudly in tests."""
    return STRINGS[key][lang]



STRINGS |= {
    # Issue 18, Russian throughout: what Streamlit, Leaflet and the tables would otherwise write in English.
    "col_url": {"en": "URL", "ru": "Ссылка"},
    "col_entity": {"en": "Record type", "ru": "Тип записи"},
    "col_article": {"en": "Article (SHA-256)", "ru": "Статья (SHA-256)"},
    "col_title_en": {"en": "Title (EN)", "ru": "Заголовок (EN)"},
    "col_title_ru": {"en": "Title (RU)", "ru": "Заголовок (RU)"},
    "col_lat": {"en": "lat", "ru": "широта"},
    "col_lon": {"en": "lon", "ru": "долгота"},
    "col_value": {"en": "Value", "ru": "Значение"},
    "col_id": {"en": "id", "ru": "идентификатор"},
    "unit_m": {"en": "m", "ru": "м"},
    "unit_megabytes": {"en": "MB", "ru": "МБ"},
    "zoom_in": {"en": "Zoom in", "ru": "Приблизить"},
    "zoom_out": {"en": "Zoom out", "ru": "Отдалить"},
    "credit_routes": {"en": "Routes", "ru": "Маршруты"},
    "credit_osm": {"en": "© {osm} contributors", "ru": "© участники {osm}"},
    "upload_button": {"en": "Upload", "ru": "Загрузить"},
    "upload_limit": {"en": "{size} per file", "ru": "до {size} на файл"},
    "skip_to_content": {"en": "Skip to main content", "ru": "Перейти к содержимому"},
    "date_year": {"en": "yyyy", "ru": "ГГГГ"},
    "date_month": {"en": "mm", "ru": "ММ"},
    "date_day": {"en": "dd", "ru": "ДД"},
}


STRINGS |= {
    # Issue 22, the atlas explains itself: the first-visit orientation, stories, the embedded view.
    "intro_title": {"en": "Welcome to the Central Asia Gas Atlas",
                    "ru": "Добро пожаловать в Газовый атлас Центральной Азии"},
    "intro_covers": {
        "en": "Gas diplomacy between Russia and Central Asia, {first}–{last}: {countries}. The atlas holds {events} "
              "dated events, {routes} routes, {facilities} facilities and {flows} flow figures, each with its source.",
        "ru": "Газовая дипломатия России и Центральной Азии, {first}–{last}: {countries}. В атласе {events} событий "
              "с датами, маршрутов — {routes}, объектов — {facilities}, цифр о потоках газа — {flows}; у каждой "
              "записи есть источник."},
    "intro_how": {"en": "How to read it, in three steps:", "ru": "Как читать атлас — три шага:"},
    "intro_step_1": {
        "en": "Choose dates and filters in the sidebar: the map draws the network as of the last day of the range.",
        "ru": "Выберите даты и фильтры на боковой панели: карта показывает сеть на последний день периода."},
    "intro_step_2": {
        "en": "Click a route, a facility or an event (on the map or in the table) to open its card and its sources.",
        "ru": "Щёлкните маршрут, объект или событие (на карте или в таблице), чтобы открыть карточку и источники."},
    "intro_step_3": {
        "en": "Every page keeps the same view, and the address holds it: copy the link to share exactly what you see.",
        "ru": "Все страницы показывают один и тот же вид, и адрес его хранит: скопируйте ссылку, чтобы поделиться им."},
    "intro_start_story": {"en": "Read the main story", "ru": "Читать главную историю"},
    "intro_dismiss": {"en": "Explore on my own", "ru": "Смотреть самостоятельно"},
    "story_start": {"en": "Story: {title}", "ru": "История: {title}"},
    "story_position": {"en": "{title} · step {step} of {total}", "ru": "{title} · шаг {step} из {total}"},
    "story_previous": {"en": "Previous", "ru": "Назад"},
    "story_next": {"en": "Next", "ru": "Далее"},
    "story_close": {"en": "Close the story", "ru": "Закрыть историю"},
    "story_back_to_step": {"en": "You changed the view: show this step again",
                           "ru": "Вид изменён: снова показать этот шаг"},
    "story_evidence_help": {"en": "Show this event on the map, with its card and source",
                            "ru": "Показать событие на карте, с карточкой и источником"},
    "story_no_figure": {"en": "no public figure", "ru": "публичных данных нет"},
    "story_not_loaded": {"en": "A story could not be loaded:", "ru": "Историю не удалось загрузить:"},
    "embed_credit": {"en": "Central Asia Gas Atlas · every fact with its source",
                     "ru": "Газовый атлас Центральной Азии · у каждого факта есть источник"},
}


STRINGS |= {
    # Issue 22, compare two moments and take the view away: the compare page, the downloads and the printed map.
    "nav_compare": {"en": "Compare", "ru": "Сравнение"},
    "compare_title": {"en": "Compare two moments", "ru": "Сравнение двух дат"},
    "compare_first": {"en": "First date", "ru": "Первая дата"},
    "compare_second": {"en": "Second date", "ru": "Вторая дата"},
    "compare_summary": {
        "en": "From {before} to {after}: {changes} route status change(s), {agreements} agreement(s), "
              "{events} event(s) in view.",
        "ru": "С {before} по {after}: изменений статуса маршрутов — {changes}, соглашений — {agreements}, "
              "событий в выборке — {events}.",
    },
    "compare_map_note": {
        "en": "The network on {after}; each route that changed is labelled with what happened and when. "
              "Markers: the events in between.",
        "ru": "Сеть на {after}; на каждом изменившемся маршруте подписано, что и когда произошло. "
              "Метки — события за этот период.",
    },
    "compare_routes": {"en": "Routes that changed", "ru": "Изменения маршрутов"},
    "compare_no_route_change": {"en": "No route changed its status between these dates.",
                                "ru": "Между этими датами ни один маршрут не изменил статус."},
    "compare_col_change": {"en": "What happened", "ru": "Что произошло"},
    "compare_col_was": {"en": "Status before", "ru": "Статус до"},
    "compare_col_now": {"en": "Status after", "ru": "Статус после"},
    "not_yet_recorded": {"en": "not yet recorded", "ru": "ещё не упоминался"},
    "change_built": {"en": "Built / started operating", "ru": "Построен / введён в работу"},
    "change_reversed": {"en": "Reversed", "ru": "Реверс"},
    "change_suspended": {"en": "Suspended", "ru": "Приостановлен"},
    "change_resumed": {"en": "Resumed", "ru": "Возобновлён"},
    "change_construction": {"en": "Construction started", "ru": "Начато строительство"},
    "change_proposed": {"en": "Proposed", "ru": "Предложен"},
    "change_mothballed": {"en": "Mothballed", "ru": "Законсервирован"},
    "change_updated": {"en": "Updated (still operating)", "ru": "Изменение (продолжает работать)"},
    "compare_agreements": {"en": "Agreements signed in between", "ru": "Соглашения, подписанные за период"},
    "compare_no_agreement": {"en": "No agreement in view between these dates.",
                             "ru": "Между этими датами соглашений в выборке нет."},
    "compare_events": {"en": "Every event in between", "ru": "Все события за период"},
    "compare_flows": {"en": "Gas flows, {before} and {after}", "ru": "Потоки газа: {before} и {after}"},
    "compare_flows_note": {
        "en": "Whole-year figures of each date's year, each kind apart: reported and estimated gas that moved, "
              "contracted volumes. A missing figure is written as such, never as zero, and has no change.",
        "ru": "Годовые цифры за год каждой даты, каждый вид отдельно: фактические и оценочные поставки, "
              "контрактные объёмы. Отсутствующая цифра так и названа — никогда не ноль — и изменения у неё нет.",
    },
    "compare_same_year": {"en": "Both dates fall in {year}: flows are compared year against year.",
                          "ru": "Обе даты приходятся на {year} год: потоки сравниваются по годам."},
    "compare_countries": {
        "en": "By country: totals over the routes with a figure; where the routes counted differ, no change is given.",
        "ru": "По странам: суммы по маршрутам, для которых есть цифры; если учтены разные маршруты, "
              "изменение не приводится.",
    },
    "compare_col_change_bcm": {"en": "Change, bcm", "ru": "Изменение, млрд м³"},
    "compare_col_change_pct": {"en": "Change, %", "ru": "Изменение, %"},
    "compare_no_figure": {"en": "no figure", "ru": "нет данных"},
    "compare_gap": {"en": "no public figure", "ru": "нет публичных данных"},
    "compare_other_routes": {"en": "different routes counted", "ru": "учтены разные маршруты"},
    "export_title": {"en": "{title}: the network on {date}", "ru": "{title}: сеть на {date}"},
    "export_dates": {"en": "Events from {start} to {end}: {events} shown",
                     "ru": "События с {start} по {end}: показано {events}"},
    "export_types": {"en": "Types", "ru": "Типы"},
    "export_actors": {"en": "Actors", "ru": "Участники"},
    "export_search": {"en": "Search", "ru": "Поиск"},
    "export_no_filter": {"en": "none (every event in the dates)", "ru": "нет (все события за эти даты)"},
    "export_source": {
        "en": "Source: Central Asia Gas Atlas, data last updated {updated}; every event, route and figure with its "
              "source publication in the atlas.",
        "ru": "Источник: Газовый атлас Центральной Азии, данные обновлены {updated}; каждое событие, маршрут и "
              "цифра — с первоисточником в атласе.",
    },
    "export_attribution": {"en": "Country shapes and routes: {credits}", "ru": "Контуры стран и маршруты: {credits}"},
    "export_scale_at": {"en": "true at {lat}° N", "ru": "верно на {lat}° с. ш."},
    "export_empty": {"en": "No event matches these filters:\nthe map shows the network only.",
                     "ru": "Ни одно событие не подходит под фильтры:\nна карте только сеть."},
    "export_map_png": {"en": "Map (PNG, print)", "ru": "Карта (PNG, для печати)"},
    "export_map_svg": {"en": "Map (SVG, editable)", "ru": "Карта (SVG, редактируемая)"},
    "export_chart_png": {"en": "Chart (PNG)", "ru": "График (PNG)"},
    "export_chart_svg": {"en": "Chart (SVG)", "ru": "График (SVG)"},
    "export_help": {
        "en": "The map as drawn now (network on the last day, events in view), framed on the atlas's region, with "
              "legend, scale, sources and credits. To print the page itself, use the browser's Print.",
        "ru": "Карта в нынешнем виде (сеть на последний день, события в выборке) в границах региона атласа, "
              "с легендой, масштабом, источниками и атрибуцией. Чтобы напечатать саму страницу, "
              "воспользуйтесь печатью браузера.",
    },
}


STRINGS |= {
    # Issue 21, the numbers a report gives, kept with its event (card and table).
    "event_volume": {"en": "Volume", "ru": "Объём"},
    "volume_year": {"en": "{volume} bcm a year", "ru": "{volume} млрд м³ в год"},
    "volume_day": {"en": "{volume} bcm a day", "ru": "{volume} млрд м³ в сутки"},
    "volume_total": {"en": "{volume} bcm in all", "ru": "{volume} млрд м³ всего"},
    "event_price": {"en": "Price", "ru": "Цена"},
    "price_per_mcm": {"en": "{price} per 1,000 m³", "ru": "{price} за 1000 м³"},
    "contract_length": {"en": "Contract", "ru": "Контракт"},
    "event_numbers_note": {"en": "as the source reports it; not a flow figure",
                           "ru": "по данным источника; это не цифра потока"},
}


STRINGS |= {
    # Issue 18, link problems: what ``viewstate.from_query`` ignored in an address, in the reader's language.
    "link_unknown_language": {"en": "unknown language", "ru": "неизвестный язык"},
    "link_unknown_basemap": {"en": "unknown basemap", "ru": "неизвестная подложка карты"},
    "link_unknown_route_widths": {"en": "unknown route widths", "ru": "неизвестная толщина линий маршрутов"},
    "link_bad_from": {"en": "'from' is not a date (YYYY-MM-DD)", "ru": "дата начала — не дата (ГГГГ-ММ-ДД)"},
    "link_bad_to": {"en": "'to' is not a date (YYYY-MM-DD)", "ru": "дата конца — не дата (ГГГГ-ММ-ДД)"},
    "link_dates_swapped": {"en": "'from' is after 'to'; the dates were swapped",
                           "ru": "дата начала позже даты конца; даты переставлены"},
    "link_unknown_selection": {"en": "unknown selection", "ru": "неизвестный выбранный объект"},
    "link_no_such_step": {"en": "no such step; the story opens at its first",
                          "ru": "такого шага нет; история открыта с первого шага"},
    "link_unknown_story": {"en": "unknown story", "ru": "неизвестная история"},
    "link_unknown_country": {"en": "unknown country", "ru": "неизвестная страна"},
    "link_unknown_country_match": {"en": "unknown country match", "ru": "неизвестный способ отбора по странам"},
    "link_unknown_event_type": {"en": "unknown event type", "ru": "неизвестный тип события"},
    "link_unknown_actor": {"en": "unknown actor", "ru": "неизвестный участник"},
    "link_bad_compare": {"en": "'compare' is not two dates (YYYY-MM-DD,YYYY-MM-DD)",
                         "ru": "даты для сравнения — не две даты (ГГГГ-ММ-ДД,ГГГГ-ММ-ДД)"},
    "link_compare_swapped": {"en": "the dates in 'compare' were in the wrong order; they were swapped",
                             "ru": "даты для сравнения шли в обратном порядке; они переставлены"},
}


STRINGS |= {
    # Issue 21, feeds: the moderators' page of the news feeds the watcher reads, and the review queue's sources.
    "nav_feeds": {"en": "News feeds", "ru": "Ленты новостей"},
    "feeds_title": {"en": "News feeds", "ru": "Ленты новостей"},
    "feeds_help": {
        "en": "The feeds the watcher (python -m gasatlas.watch) reads by itself: how each fared, and its last runs. "
              "What it finds waits in the review queue.",
        "ru": "Ленты, которые наблюдатель новостей читает сам: как прошло чтение каждой и его последние запуски. "
              "Найденное ждёт в очереди проверки.",
    },
    "feeds_health": {"en": "Feeds", "ru": "Ленты"},
    "feeds_none": {"en": "No feed is watched yet: add one below, or run the watcher once to add the seed list.",
                   "ru": "Лент пока нет: добавьте ниже или запустите наблюдатель — он добавит исходный список."},
    "feeds_runs": {"en": "The watcher's last runs", "ru": "Последние запуски наблюдателя"},
    "feeds_runs_none": {"en": "The watcher has not run yet.", "ru": "Наблюдатель ещё не запускался."},
    "feeds_items": {"en": "Latest items read", "ru": "Последние прочитанные материалы"},
    "feeds_add": {"en": "Add a feed", "ru": "Добавить ленту"},
    "feeds_url": {"en": "Feed address (RSS or Atom)", "ru": "Адрес ленты новостей"},
    "feeds_name": {"en": "Outlet", "ru": "Издание"},
    "feeds_language": {"en": "Language", "ru": "Язык"},
    "feeds_lang_ru": {"en": "Russian", "ru": "русский"},
    "feeds_lang_en": {"en": "English", "ru": "английский"},
    "feeds_lang_kk": {"en": "Kazakh", "ru": "казахский"},
    "feeds_lang_uz": {"en": "Uzbek", "ru": "узбекский"},
    "feeds_lang_tk": {"en": "Turkmen", "ru": "туркменский"},
    "feeds_lang_ky": {"en": "Kyrgyz", "ru": "киргизский"},
    "feeds_lang_tg": {"en": "Tajik", "ru": "таджикский"},
    "feeds_lang_zh": {"en": "Chinese", "ru": "китайский"},
    "feeds_note": {"en": "Why watch it", "ru": "Зачем её читать"},
    "feeds_added": {"en": "Feed added: the watcher reads it on its next run.",
                    "ru": "Лента добавлена: наблюдатель прочтёт её при следующем запуске."},
    "feeds_refused": {"en": "The feed was not added: {reason}", "ru": "Лента не добавлена: {reason}"},
    "feeds_switch": {"en": "Switch a feed on or off", "ru": "Включить или выключить ленту"},
    "feeds_choose": {"en": "Feed", "ru": "Лента"},
    "feeds_switch_off": {"en": "Stop reading it", "ru": "Перестать читать"},
    "feeds_switch_on": {"en": "Read it again", "ru": "Снова читать"},
    "feeds_switched": {"en": "Done: the audit log keeps who changed it and why.",
                       "ru": "Готово: журнал изменений хранит, кто и почему это изменил."},
    "col_feed": {"en": "Feed", "ru": "Лента"},
    "col_enabled": {"en": "Read", "ru": "Читается"},
    "col_last_fetch": {"en": "Last read (UTC)", "ru": "Последнее чтение (UTC)"},
    "col_items_seen": {"en": "Items read", "ru": "Прочитано"},
    "col_items_relevant": {"en": "About gas", "ru": "О газе"},
    "col_items_proposed": {"en": "Proposed", "ru": "Предложено"},
    "col_errors": {"en": "Errors", "ru": "Ошибок"},
    "col_last_error": {"en": "Last error", "ru": "Последняя ошибка"},
    "col_started": {"en": "Started (UTC)", "ru": "Начат (UTC)"},
    "col_finished": {"en": "Finished (UTC)", "ru": "Закончен (UTC)"},
    "col_run_status": {"en": "Outcome", "ru": "Итог"},
    "col_host": {"en": "Machine", "ru": "Машина"},
    "col_feeds_read": {"en": "Feeds", "ru": "Лент"},
    "col_items_new": {"en": "New items", "ru": "Новых"},
    "col_state": {"en": "What became of it", "ru": "Что с ним стало"},
    "col_proposal": {"en": "Candidate", "ru": "Кандидат"},
    "col_existing": {"en": "Atlas event", "ru": "Событие атласа"},
    "col_error": {"en": "Error", "ru": "Ошибка"},
    "review_sources": {"en": "Sources ({count})", "ru": "Источники ({count})"},
    "review_extra_title": {"en": "Other reports of events in the atlas", "ru": "Другие сообщения о событиях атласа"},
    "review_extra_help": {
        "en": "The watcher found these reports of events the atlas already holds: add each to the event's sources "
              "or dismiss it.",
        "ru": "Наблюдатель нашёл эти сообщения о событиях, которые уже есть в атласе: добавьте каждое в источники "
              "события или отклоните.",
    },
    "review_extra_event": {"en": "Event in the atlas: {event}", "ru": "Событие атласа: {event}"},
    "review_add_source": {"en": "Add as a source", "ru": "Добавить в источники"},
    "review_dismiss_source": {"en": "Not this event", "ru": "Не это событие"},
}

# Issue 21, disagreements: what each watched report of a candidate said, and where they differ.
STRINGS |= {
    "review_said_outlet": {"en": "Outlet", "ru": "Издание"},
    "review_said_date": {"en": "Date", "ru": "Дата"},
    "review_said_volume": {"en": "Volume", "ru": "Объём"},
    "review_said_place": {"en": "Place", "ru": "Место"},
    "review_disagree": {"en": "Sources disagree on: {fields}. Settle it in the editor before approving.",
                        "ru": "Расхождения между источниками: {fields}. Уточните это в редакторе перед одобрением."},
    "review_agree": {"en": "No two sources disagree on date, volume or place.",
                     "ru": "Источники не противоречат друг другу в дате, объёме и месте."},
}

# Issue 21, merging: a pending candidate merged into an event the atlas holds, in one click.
STRINGS |= {
    "review_merge_title": {"en": "Or merge it into an event the atlas holds",
                           "ru": "Или объединить с событием, которое уже есть в атласе"},
    "review_merge_help": {
        "en": "Its sources become sources of that event and it leaves the queue. The event's history and this "
              "candidate's keep the merge: restore the revision before it to undo it.",
        "ru": "Его источники станут источниками этого события, а сам он уйдёт из очереди. Объединение остаётся в "
              "истории обоих: чтобы отменить его, верните предыдущую правку.",
    },
    "review_merge_none": {"en": "No event of the atlas looks like this one; pick one below if it is.",
                          "ru": "Похожих событий в атласе нет; выберите событие ниже, если оно есть."},
    "review_merge_into": {"en": "Merge into: {event}", "ru": "Объединить с: {event}"},
    "review_merge_pick": {"en": "Any other event (type its title or id)",
                          "ru": "Другое событие (начните вводить название или id)"},
    "review_merge_chosen": {"en": "Merge into the chosen event", "ru": "Объединить с выбранным событием"},
    "review_merged": {"en": "Merged: its sources are now sources of {event}.",
                      "ru": "Объединено: его источники теперь источники события {event}."},
    "review_merge_undo": {"en": "Undo this merge", "ru": "Отменить объединение"},
    "review_merge_undone": {"en": "The merge is undone: the candidate is back in the queue.",
                            "ru": "Объединение отменено: кандидат снова в очереди."},
}

# Issue 21, volumes as flow figures: a published event's yearly volume proposed as a flow figure, added only when a
# moderator confirms it.
STRINGS |= {
    "review_flows_title": {"en": "Volumes of published events, as flow figures",
                           "ru": "Объёмы из опубликованных событий как цифры потоков"},
    "review_flows_help": {
        "en": "Each event below reports a yearly volume on a route. Check the proposed figure — direction, year, "
              "kind — against the report, correct it, and add it to the flows; nothing is added without you.",
        "ru": "Каждое событие ниже сообщает годовой объём по маршруту. Сверьте предложенную цифру — направление, год, "
              "вид — с сообщением, исправьте и добавьте её в потоки; без вас ничего не добавляется.",
    },
    "review_flow_route": {"en": "Route", "ru": "Маршрут"},
    "review_flow_from": {"en": "From", "ru": "Откуда"},
    "review_flow_to": {"en": "To", "ru": "Куда"},
    "review_flow_period": {"en": "Year (or period)", "ru": "Год (или период)"},
    "review_flow_kind": {"en": "Kind", "ru": "Вид"},
    "review_flow_volume": {"en": "Volume, bcm", "ru": "Объём, млрд м³"},
    "review_flow_quote": {"en": "The report's sentence that gives the figure",
                          "ru": "Фраза сообщения, в которой есть цифра"},
    "review_flow_add": {"en": "Add this flow figure", "ru": "Добавить цифру потока"},
    "review_flow_added": {"en": "The flow figure was added.", "ru": "Цифра потока добавлена."},
    "review_flow_no_direction": {
        "en": "The event names fewer than two countries of this route: no direction to propose.",
        "ru": "Событие называет меньше двух стран этого маршрута: направление предложить нельзя.",
    },
}


"""What the tests share, in one place: test modules import from here, never from each other.

* ``data`` — the fixture files' paths and the shipped atlas, loaded once per process;
* ``app`` — driving the Streamlit app under ``AppTest``: the faked map, pages, sign-in;
* ``store`` — records to submit to the event store, and the PostgreSQL server scripts/test.sh starts;
* ``news`` — feeds and articles served from a local port, and the extraction tests' source;
* ``hostile`` — text meant to break out of escaping, and Hypothesis strategies for anything anyone can send;
* ``english_words`` — English interface words on a Russian page.
"""

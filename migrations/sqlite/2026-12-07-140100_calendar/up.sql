-- The working-day calendar (Labour Code 2019 art. 111-112 and each year's government decision):
-- per year, its days off and make-up working days. Seeded with the days the law gives each year
-- from 1975 to 2040 (computed with the Vietnamese lunar calendar, see domain/holidays.rs; a test
-- checks these rows against the computation) and 2025 as decided; a national administrator
-- records each year's decision through the API (PUT /calendar/{year}, audited).
CREATE TABLE calendar_years (
    year       INTEGER PRIMARY KEY,
    source     TEXT NOT NULL CHECK (source IN ('computed', 'decided')),
    decision   TEXT,
    updated_at TEXT,
    updated_by BIGINT REFERENCES users (id)
);

CREATE TABLE calendar_days (
    day  TEXT PRIMARY KEY,
    year INTEGER NOT NULL REFERENCES calendar_years (year),
    kind TEXT NOT NULL CHECK (kind IN ('new_year', 'tet', 'hung_kings', 'reunification', 'labour_day', 'national_day', 'national_day_adjacent', 'compensatory', 'swapped_day_off', 'make_up_working_day', 'special_day_off')),
    note TEXT
);
CREATE INDEX calendar_days_year_idx ON calendar_days (year);

INSERT INTO calendar_years (year, source, decision) VALUES (1975, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1975-01-01', 1975, 'new_year', NULL),
    ('1975-02-10', 1975, 'tet', NULL),
    ('1975-02-11', 1975, 'tet', NULL),
    ('1975-02-12', 1975, 'tet', NULL),
    ('1975-02-13', 1975, 'tet', NULL),
    ('1975-04-30', 1975, 'reunification', NULL),
    ('1975-05-01', 1975, 'labour_day', NULL),
    ('1975-09-02', 1975, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1976, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1976-01-01', 1976, 'new_year', NULL),
    ('1976-01-30', 1976, 'tet', NULL),
    ('1976-01-31', 1976, 'tet', NULL),
    ('1976-02-01', 1976, 'tet', NULL),
    ('1976-02-02', 1976, 'tet', NULL),
    ('1976-02-03', 1976, 'compensatory', NULL),
    ('1976-02-04', 1976, 'compensatory', NULL),
    ('1976-04-30', 1976, 'reunification', NULL),
    ('1976-05-01', 1976, 'labour_day', NULL),
    ('1976-05-03', 1976, 'compensatory', NULL),
    ('1976-09-02', 1976, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1977, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1977-01-01', 1977, 'new_year', NULL),
    ('1977-01-03', 1977, 'compensatory', NULL),
    ('1977-02-17', 1977, 'tet', NULL),
    ('1977-02-18', 1977, 'tet', NULL),
    ('1977-02-19', 1977, 'tet', NULL),
    ('1977-02-20', 1977, 'tet', NULL),
    ('1977-02-21', 1977, 'compensatory', NULL),
    ('1977-02-22', 1977, 'compensatory', NULL),
    ('1977-04-30', 1977, 'reunification', NULL),
    ('1977-05-01', 1977, 'labour_day', NULL),
    ('1977-05-02', 1977, 'compensatory', NULL),
    ('1977-05-03', 1977, 'compensatory', NULL),
    ('1977-09-02', 1977, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1978, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1978-01-01', 1978, 'new_year', NULL),
    ('1978-01-02', 1978, 'compensatory', NULL),
    ('1978-02-06', 1978, 'tet', NULL),
    ('1978-02-07', 1978, 'tet', NULL),
    ('1978-02-08', 1978, 'tet', NULL),
    ('1978-02-09', 1978, 'tet', NULL),
    ('1978-04-30', 1978, 'reunification', NULL),
    ('1978-05-01', 1978, 'labour_day', NULL),
    ('1978-05-02', 1978, 'compensatory', NULL),
    ('1978-09-02', 1978, 'national_day', NULL),
    ('1978-09-04', 1978, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1979, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1979-01-01', 1979, 'new_year', NULL),
    ('1979-01-27', 1979, 'tet', NULL),
    ('1979-01-28', 1979, 'tet', NULL),
    ('1979-01-29', 1979, 'tet', NULL),
    ('1979-01-30', 1979, 'tet', NULL),
    ('1979-01-31', 1979, 'compensatory', NULL),
    ('1979-02-01', 1979, 'compensatory', NULL),
    ('1979-04-30', 1979, 'reunification', NULL),
    ('1979-05-01', 1979, 'labour_day', NULL),
    ('1979-09-02', 1979, 'national_day', NULL),
    ('1979-09-03', 1979, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1980, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1980-01-01', 1980, 'new_year', NULL),
    ('1980-02-15', 1980, 'tet', NULL),
    ('1980-02-16', 1980, 'tet', NULL),
    ('1980-02-17', 1980, 'tet', NULL),
    ('1980-02-18', 1980, 'tet', NULL),
    ('1980-02-19', 1980, 'compensatory', NULL),
    ('1980-02-20', 1980, 'compensatory', NULL),
    ('1980-04-30', 1980, 'reunification', NULL),
    ('1980-05-01', 1980, 'labour_day', NULL),
    ('1980-09-02', 1980, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1981, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1981-01-01', 1981, 'new_year', NULL),
    ('1981-02-04', 1981, 'tet', NULL),
    ('1981-02-05', 1981, 'tet', NULL),
    ('1981-02-06', 1981, 'tet', NULL),
    ('1981-02-07', 1981, 'tet', NULL),
    ('1981-02-09', 1981, 'compensatory', NULL),
    ('1981-04-30', 1981, 'reunification', NULL),
    ('1981-05-01', 1981, 'labour_day', NULL),
    ('1981-09-02', 1981, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1982, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1982-01-01', 1982, 'new_year', NULL),
    ('1982-01-24', 1982, 'tet', NULL),
    ('1982-01-25', 1982, 'tet', NULL),
    ('1982-01-26', 1982, 'tet', NULL),
    ('1982-01-27', 1982, 'tet', NULL),
    ('1982-01-28', 1982, 'compensatory', NULL),
    ('1982-04-30', 1982, 'reunification', NULL),
    ('1982-05-01', 1982, 'labour_day', NULL),
    ('1982-05-03', 1982, 'compensatory', NULL),
    ('1982-09-02', 1982, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1983, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1983-01-01', 1983, 'new_year', NULL),
    ('1983-01-03', 1983, 'compensatory', NULL),
    ('1983-02-12', 1983, 'tet', NULL),
    ('1983-02-13', 1983, 'tet', NULL),
    ('1983-02-14', 1983, 'tet', NULL),
    ('1983-02-15', 1983, 'tet', NULL),
    ('1983-02-16', 1983, 'compensatory', NULL),
    ('1983-02-17', 1983, 'compensatory', NULL),
    ('1983-04-30', 1983, 'reunification', NULL),
    ('1983-05-01', 1983, 'labour_day', NULL),
    ('1983-05-02', 1983, 'compensatory', NULL),
    ('1983-05-03', 1983, 'compensatory', NULL),
    ('1983-09-02', 1983, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1984, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1984-01-01', 1984, 'new_year', NULL),
    ('1984-01-02', 1984, 'compensatory', NULL),
    ('1984-02-01', 1984, 'tet', NULL),
    ('1984-02-02', 1984, 'tet', NULL),
    ('1984-02-03', 1984, 'tet', NULL),
    ('1984-02-04', 1984, 'tet', NULL),
    ('1984-02-06', 1984, 'compensatory', NULL),
    ('1984-04-30', 1984, 'reunification', NULL),
    ('1984-05-01', 1984, 'labour_day', NULL),
    ('1984-09-02', 1984, 'national_day', NULL),
    ('1984-09-03', 1984, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1985, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1985-01-01', 1985, 'new_year', NULL),
    ('1985-01-20', 1985, 'tet', NULL),
    ('1985-01-21', 1985, 'tet', NULL),
    ('1985-01-22', 1985, 'tet', NULL),
    ('1985-01-23', 1985, 'tet', NULL),
    ('1985-01-24', 1985, 'compensatory', NULL),
    ('1985-04-30', 1985, 'reunification', NULL),
    ('1985-05-01', 1985, 'labour_day', NULL),
    ('1985-09-02', 1985, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1986, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1986-01-01', 1986, 'new_year', NULL),
    ('1986-02-08', 1986, 'tet', NULL),
    ('1986-02-09', 1986, 'tet', NULL),
    ('1986-02-10', 1986, 'tet', NULL),
    ('1986-02-11', 1986, 'tet', NULL),
    ('1986-02-12', 1986, 'compensatory', NULL),
    ('1986-02-13', 1986, 'compensatory', NULL),
    ('1986-04-30', 1986, 'reunification', NULL),
    ('1986-05-01', 1986, 'labour_day', NULL),
    ('1986-09-02', 1986, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1987, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1987-01-01', 1987, 'new_year', NULL),
    ('1987-01-28', 1987, 'tet', NULL),
    ('1987-01-29', 1987, 'tet', NULL),
    ('1987-01-30', 1987, 'tet', NULL),
    ('1987-01-31', 1987, 'tet', NULL),
    ('1987-02-02', 1987, 'compensatory', NULL),
    ('1987-04-30', 1987, 'reunification', NULL),
    ('1987-05-01', 1987, 'labour_day', NULL),
    ('1987-09-02', 1987, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1988, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1988-01-01', 1988, 'new_year', NULL),
    ('1988-02-16', 1988, 'tet', NULL),
    ('1988-02-17', 1988, 'tet', NULL),
    ('1988-02-18', 1988, 'tet', NULL),
    ('1988-02-19', 1988, 'tet', NULL),
    ('1988-04-30', 1988, 'reunification', NULL),
    ('1988-05-01', 1988, 'labour_day', NULL),
    ('1988-05-02', 1988, 'compensatory', NULL),
    ('1988-05-03', 1988, 'compensatory', NULL),
    ('1988-09-02', 1988, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1989, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1989-01-01', 1989, 'new_year', NULL),
    ('1989-01-02', 1989, 'compensatory', NULL),
    ('1989-02-05', 1989, 'tet', NULL),
    ('1989-02-06', 1989, 'tet', NULL),
    ('1989-02-07', 1989, 'tet', NULL),
    ('1989-02-08', 1989, 'tet', NULL),
    ('1989-02-09', 1989, 'compensatory', NULL),
    ('1989-04-30', 1989, 'reunification', NULL),
    ('1989-05-01', 1989, 'labour_day', NULL),
    ('1989-05-02', 1989, 'compensatory', NULL),
    ('1989-09-02', 1989, 'national_day', NULL),
    ('1989-09-04', 1989, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1990, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1990-01-01', 1990, 'new_year', NULL),
    ('1990-01-26', 1990, 'tet', NULL),
    ('1990-01-27', 1990, 'tet', NULL),
    ('1990-01-28', 1990, 'tet', NULL),
    ('1990-01-29', 1990, 'tet', NULL),
    ('1990-01-30', 1990, 'compensatory', NULL),
    ('1990-01-31', 1990, 'compensatory', NULL),
    ('1990-04-30', 1990, 'reunification', NULL),
    ('1990-05-01', 1990, 'labour_day', NULL),
    ('1990-09-02', 1990, 'national_day', NULL),
    ('1990-09-03', 1990, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1991, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1991-01-01', 1991, 'new_year', NULL),
    ('1991-02-14', 1991, 'tet', NULL),
    ('1991-02-15', 1991, 'tet', NULL),
    ('1991-02-16', 1991, 'tet', NULL),
    ('1991-02-17', 1991, 'tet', NULL),
    ('1991-02-18', 1991, 'compensatory', NULL),
    ('1991-02-19', 1991, 'compensatory', NULL),
    ('1991-04-30', 1991, 'reunification', NULL),
    ('1991-05-01', 1991, 'labour_day', NULL),
    ('1991-09-02', 1991, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1992, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1992-01-01', 1992, 'new_year', NULL),
    ('1992-02-03', 1992, 'tet', NULL),
    ('1992-02-04', 1992, 'tet', NULL),
    ('1992-02-05', 1992, 'tet', NULL),
    ('1992-02-06', 1992, 'tet', NULL),
    ('1992-04-30', 1992, 'reunification', NULL),
    ('1992-05-01', 1992, 'labour_day', NULL),
    ('1992-09-02', 1992, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1993, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1993-01-01', 1993, 'new_year', NULL),
    ('1993-01-22', 1993, 'tet', NULL),
    ('1993-01-23', 1993, 'tet', NULL),
    ('1993-01-24', 1993, 'tet', NULL),
    ('1993-01-25', 1993, 'tet', NULL),
    ('1993-01-26', 1993, 'compensatory', NULL),
    ('1993-01-27', 1993, 'compensatory', NULL),
    ('1993-04-30', 1993, 'reunification', NULL),
    ('1993-05-01', 1993, 'labour_day', NULL),
    ('1993-05-03', 1993, 'compensatory', NULL),
    ('1993-09-02', 1993, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1994, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1994-01-01', 1994, 'new_year', NULL),
    ('1994-01-03', 1994, 'compensatory', NULL),
    ('1994-02-09', 1994, 'tet', NULL),
    ('1994-02-10', 1994, 'tet', NULL),
    ('1994-02-11', 1994, 'tet', NULL),
    ('1994-02-12', 1994, 'tet', NULL),
    ('1994-02-14', 1994, 'compensatory', NULL),
    ('1994-04-30', 1994, 'reunification', NULL),
    ('1994-05-01', 1994, 'labour_day', NULL),
    ('1994-05-02', 1994, 'compensatory', NULL),
    ('1994-05-03', 1994, 'compensatory', NULL),
    ('1994-09-02', 1994, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1995, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1995-01-01', 1995, 'new_year', NULL),
    ('1995-01-02', 1995, 'compensatory', NULL),
    ('1995-01-30', 1995, 'tet', NULL),
    ('1995-01-31', 1995, 'tet', NULL),
    ('1995-02-01', 1995, 'tet', NULL),
    ('1995-02-02', 1995, 'tet', NULL),
    ('1995-04-30', 1995, 'reunification', NULL),
    ('1995-05-01', 1995, 'labour_day', NULL),
    ('1995-05-02', 1995, 'compensatory', NULL),
    ('1995-09-02', 1995, 'national_day', NULL),
    ('1995-09-04', 1995, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1996, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1996-01-01', 1996, 'new_year', NULL),
    ('1996-02-18', 1996, 'tet', NULL),
    ('1996-02-19', 1996, 'tet', NULL),
    ('1996-02-20', 1996, 'tet', NULL),
    ('1996-02-21', 1996, 'tet', NULL),
    ('1996-02-22', 1996, 'compensatory', NULL),
    ('1996-04-30', 1996, 'reunification', NULL),
    ('1996-05-01', 1996, 'labour_day', NULL),
    ('1996-09-02', 1996, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1997, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1997-01-01', 1997, 'new_year', NULL),
    ('1997-02-06', 1997, 'tet', NULL),
    ('1997-02-07', 1997, 'tet', NULL),
    ('1997-02-08', 1997, 'tet', NULL),
    ('1997-02-09', 1997, 'tet', NULL),
    ('1997-02-10', 1997, 'compensatory', NULL),
    ('1997-02-11', 1997, 'compensatory', NULL),
    ('1997-04-30', 1997, 'reunification', NULL),
    ('1997-05-01', 1997, 'labour_day', NULL),
    ('1997-09-02', 1997, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1998, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1998-01-01', 1998, 'new_year', NULL),
    ('1998-01-27', 1998, 'tet', NULL),
    ('1998-01-28', 1998, 'tet', NULL),
    ('1998-01-29', 1998, 'tet', NULL),
    ('1998-01-30', 1998, 'tet', NULL),
    ('1998-04-30', 1998, 'reunification', NULL),
    ('1998-05-01', 1998, 'labour_day', NULL),
    ('1998-09-02', 1998, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (1999, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('1999-01-01', 1999, 'new_year', NULL),
    ('1999-02-15', 1999, 'tet', NULL),
    ('1999-02-16', 1999, 'tet', NULL),
    ('1999-02-17', 1999, 'tet', NULL),
    ('1999-02-18', 1999, 'tet', NULL),
    ('1999-04-30', 1999, 'reunification', NULL),
    ('1999-05-01', 1999, 'labour_day', NULL),
    ('1999-05-03', 1999, 'compensatory', NULL),
    ('1999-09-02', 1999, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2000, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2000-01-01', 2000, 'new_year', NULL),
    ('2000-01-03', 2000, 'compensatory', NULL),
    ('2000-02-04', 2000, 'tet', NULL),
    ('2000-02-05', 2000, 'tet', NULL),
    ('2000-02-06', 2000, 'tet', NULL),
    ('2000-02-07', 2000, 'tet', NULL),
    ('2000-02-08', 2000, 'compensatory', NULL),
    ('2000-02-09', 2000, 'compensatory', NULL),
    ('2000-04-30', 2000, 'reunification', NULL),
    ('2000-05-01', 2000, 'labour_day', NULL),
    ('2000-05-02', 2000, 'compensatory', NULL),
    ('2000-09-02', 2000, 'national_day', NULL),
    ('2000-09-04', 2000, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2001, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2001-01-01', 2001, 'new_year', NULL),
    ('2001-01-23', 2001, 'tet', NULL),
    ('2001-01-24', 2001, 'tet', NULL),
    ('2001-01-25', 2001, 'tet', NULL),
    ('2001-01-26', 2001, 'tet', NULL),
    ('2001-04-30', 2001, 'reunification', NULL),
    ('2001-05-01', 2001, 'labour_day', NULL),
    ('2001-09-02', 2001, 'national_day', NULL),
    ('2001-09-03', 2001, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2002, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2002-01-01', 2002, 'new_year', NULL),
    ('2002-02-11', 2002, 'tet', NULL),
    ('2002-02-12', 2002, 'tet', NULL),
    ('2002-02-13', 2002, 'tet', NULL),
    ('2002-02-14', 2002, 'tet', NULL),
    ('2002-04-30', 2002, 'reunification', NULL),
    ('2002-05-01', 2002, 'labour_day', NULL),
    ('2002-09-02', 2002, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2003, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2003-01-01', 2003, 'new_year', NULL),
    ('2003-01-31', 2003, 'tet', NULL),
    ('2003-02-01', 2003, 'tet', NULL),
    ('2003-02-02', 2003, 'tet', NULL),
    ('2003-02-03', 2003, 'tet', NULL),
    ('2003-02-04', 2003, 'compensatory', NULL),
    ('2003-02-05', 2003, 'compensatory', NULL),
    ('2003-04-30', 2003, 'reunification', NULL),
    ('2003-05-01', 2003, 'labour_day', NULL),
    ('2003-09-02', 2003, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2004, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2004-01-01', 2004, 'new_year', NULL),
    ('2004-01-21', 2004, 'tet', NULL),
    ('2004-01-22', 2004, 'tet', NULL),
    ('2004-01-23', 2004, 'tet', NULL),
    ('2004-01-24', 2004, 'tet', NULL),
    ('2004-01-26', 2004, 'compensatory', NULL),
    ('2004-04-30', 2004, 'reunification', NULL),
    ('2004-05-01', 2004, 'labour_day', NULL),
    ('2004-05-03', 2004, 'compensatory', NULL),
    ('2004-09-02', 2004, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2005, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2005-01-01', 2005, 'new_year', NULL),
    ('2005-01-03', 2005, 'compensatory', NULL),
    ('2005-02-08', 2005, 'tet', NULL),
    ('2005-02-09', 2005, 'tet', NULL),
    ('2005-02-10', 2005, 'tet', NULL),
    ('2005-02-11', 2005, 'tet', NULL),
    ('2005-04-30', 2005, 'reunification', NULL),
    ('2005-05-01', 2005, 'labour_day', NULL),
    ('2005-05-02', 2005, 'compensatory', NULL),
    ('2005-05-03', 2005, 'compensatory', NULL),
    ('2005-09-02', 2005, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2006, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2006-01-01', 2006, 'new_year', NULL),
    ('2006-01-02', 2006, 'compensatory', NULL),
    ('2006-01-28', 2006, 'tet', NULL),
    ('2006-01-29', 2006, 'tet', NULL),
    ('2006-01-30', 2006, 'tet', NULL),
    ('2006-01-31', 2006, 'tet', NULL),
    ('2006-02-01', 2006, 'compensatory', NULL),
    ('2006-02-02', 2006, 'compensatory', NULL),
    ('2006-04-30', 2006, 'reunification', NULL),
    ('2006-05-01', 2006, 'labour_day', NULL),
    ('2006-05-02', 2006, 'compensatory', NULL),
    ('2006-09-02', 2006, 'national_day', NULL),
    ('2006-09-04', 2006, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2007, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2007-01-01', 2007, 'new_year', NULL),
    ('2007-02-16', 2007, 'tet', NULL),
    ('2007-02-17', 2007, 'tet', NULL),
    ('2007-02-18', 2007, 'tet', NULL),
    ('2007-02-19', 2007, 'tet', NULL),
    ('2007-02-20', 2007, 'compensatory', NULL),
    ('2007-02-21', 2007, 'compensatory', NULL),
    ('2007-04-26', 2007, 'hung_kings', NULL),
    ('2007-04-30', 2007, 'reunification', NULL),
    ('2007-05-01', 2007, 'labour_day', NULL),
    ('2007-09-02', 2007, 'national_day', NULL),
    ('2007-09-03', 2007, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2008, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2008-01-01', 2008, 'new_year', NULL),
    ('2008-02-06', 2008, 'tet', NULL),
    ('2008-02-07', 2008, 'tet', NULL),
    ('2008-02-08', 2008, 'tet', NULL),
    ('2008-02-09', 2008, 'tet', NULL),
    ('2008-02-11', 2008, 'compensatory', NULL),
    ('2008-04-15', 2008, 'hung_kings', NULL),
    ('2008-04-30', 2008, 'reunification', NULL),
    ('2008-05-01', 2008, 'labour_day', NULL),
    ('2008-09-02', 2008, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2009, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2009-01-01', 2009, 'new_year', NULL),
    ('2009-01-25', 2009, 'tet', NULL),
    ('2009-01-26', 2009, 'tet', NULL),
    ('2009-01-27', 2009, 'tet', NULL),
    ('2009-01-28', 2009, 'tet', NULL),
    ('2009-01-29', 2009, 'compensatory', NULL),
    ('2009-04-04', 2009, 'hung_kings', NULL),
    ('2009-04-06', 2009, 'compensatory', NULL),
    ('2009-04-30', 2009, 'reunification', NULL),
    ('2009-05-01', 2009, 'labour_day', NULL),
    ('2009-09-02', 2009, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2010, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2010-01-01', 2010, 'new_year', NULL),
    ('2010-02-13', 2010, 'tet', NULL),
    ('2010-02-14', 2010, 'tet', NULL),
    ('2010-02-15', 2010, 'tet', NULL),
    ('2010-02-16', 2010, 'tet', NULL),
    ('2010-02-17', 2010, 'compensatory', NULL),
    ('2010-02-18', 2010, 'compensatory', NULL),
    ('2010-04-23', 2010, 'hung_kings', NULL),
    ('2010-04-30', 2010, 'reunification', NULL),
    ('2010-05-01', 2010, 'labour_day', NULL),
    ('2010-05-03', 2010, 'compensatory', NULL),
    ('2010-09-02', 2010, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2011, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2011-01-01', 2011, 'new_year', NULL),
    ('2011-01-03', 2011, 'compensatory', NULL),
    ('2011-02-02', 2011, 'tet', NULL),
    ('2011-02-03', 2011, 'tet', NULL),
    ('2011-02-04', 2011, 'tet', NULL),
    ('2011-02-05', 2011, 'tet', NULL),
    ('2011-02-07', 2011, 'compensatory', NULL),
    ('2011-04-12', 2011, 'hung_kings', NULL),
    ('2011-04-30', 2011, 'reunification', NULL),
    ('2011-05-01', 2011, 'labour_day', NULL),
    ('2011-05-02', 2011, 'compensatory', NULL),
    ('2011-05-03', 2011, 'compensatory', NULL),
    ('2011-09-02', 2011, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2012, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2012-01-01', 2012, 'new_year', NULL),
    ('2012-01-02', 2012, 'compensatory', NULL),
    ('2012-01-22', 2012, 'tet', NULL),
    ('2012-01-23', 2012, 'tet', NULL),
    ('2012-01-24', 2012, 'tet', NULL),
    ('2012-01-25', 2012, 'tet', NULL),
    ('2012-01-26', 2012, 'compensatory', NULL),
    ('2012-03-31', 2012, 'hung_kings', NULL),
    ('2012-04-02', 2012, 'compensatory', NULL),
    ('2012-04-30', 2012, 'reunification', NULL),
    ('2012-05-01', 2012, 'labour_day', NULL),
    ('2012-09-02', 2012, 'national_day', NULL),
    ('2012-09-03', 2012, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2013, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2013-01-01', 2013, 'new_year', NULL),
    ('2013-02-09', 2013, 'tet', NULL),
    ('2013-02-10', 2013, 'tet', NULL),
    ('2013-02-11', 2013, 'tet', NULL),
    ('2013-02-12', 2013, 'tet', NULL),
    ('2013-02-13', 2013, 'tet', NULL),
    ('2013-02-14', 2013, 'compensatory', NULL),
    ('2013-02-15', 2013, 'compensatory', NULL),
    ('2013-04-19', 2013, 'hung_kings', NULL),
    ('2013-04-30', 2013, 'reunification', NULL),
    ('2013-05-01', 2013, 'labour_day', NULL),
    ('2013-09-02', 2013, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2014, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2014-01-01', 2014, 'new_year', NULL),
    ('2014-01-30', 2014, 'tet', NULL),
    ('2014-01-31', 2014, 'tet', NULL),
    ('2014-02-01', 2014, 'tet', NULL),
    ('2014-02-02', 2014, 'tet', NULL),
    ('2014-02-03', 2014, 'tet', NULL),
    ('2014-02-04', 2014, 'compensatory', NULL),
    ('2014-02-05', 2014, 'compensatory', NULL),
    ('2014-04-09', 2014, 'hung_kings', NULL),
    ('2014-04-30', 2014, 'reunification', NULL),
    ('2014-05-01', 2014, 'labour_day', NULL),
    ('2014-09-02', 2014, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2015, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2015-01-01', 2015, 'new_year', NULL),
    ('2015-02-18', 2015, 'tet', NULL),
    ('2015-02-19', 2015, 'tet', NULL),
    ('2015-02-20', 2015, 'tet', NULL),
    ('2015-02-21', 2015, 'tet', NULL),
    ('2015-02-22', 2015, 'tet', NULL),
    ('2015-02-23', 2015, 'compensatory', NULL),
    ('2015-02-24', 2015, 'compensatory', NULL),
    ('2015-04-28', 2015, 'hung_kings', NULL),
    ('2015-04-30', 2015, 'reunification', NULL),
    ('2015-05-01', 2015, 'labour_day', NULL),
    ('2015-09-02', 2015, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2016, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2016-01-01', 2016, 'new_year', NULL),
    ('2016-02-07', 2016, 'tet', NULL),
    ('2016-02-08', 2016, 'tet', NULL),
    ('2016-02-09', 2016, 'tet', NULL),
    ('2016-02-10', 2016, 'tet', NULL),
    ('2016-02-11', 2016, 'tet', NULL),
    ('2016-02-12', 2016, 'compensatory', NULL),
    ('2016-04-16', 2016, 'hung_kings', NULL),
    ('2016-04-18', 2016, 'compensatory', NULL),
    ('2016-04-30', 2016, 'reunification', NULL),
    ('2016-05-01', 2016, 'labour_day', NULL),
    ('2016-05-02', 2016, 'compensatory', NULL),
    ('2016-05-03', 2016, 'compensatory', NULL),
    ('2016-09-02', 2016, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2017, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2017-01-01', 2017, 'new_year', NULL),
    ('2017-01-02', 2017, 'compensatory', NULL),
    ('2017-01-27', 2017, 'tet', NULL),
    ('2017-01-28', 2017, 'tet', NULL),
    ('2017-01-29', 2017, 'tet', NULL),
    ('2017-01-30', 2017, 'tet', NULL),
    ('2017-01-31', 2017, 'tet', NULL),
    ('2017-02-01', 2017, 'compensatory', NULL),
    ('2017-02-02', 2017, 'compensatory', NULL),
    ('2017-04-06', 2017, 'hung_kings', NULL),
    ('2017-04-30', 2017, 'reunification', NULL),
    ('2017-05-01', 2017, 'labour_day', NULL),
    ('2017-05-02', 2017, 'compensatory', NULL),
    ('2017-09-02', 2017, 'national_day', NULL),
    ('2017-09-04', 2017, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2018, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2018-01-01', 2018, 'new_year', NULL),
    ('2018-02-15', 2018, 'tet', NULL),
    ('2018-02-16', 2018, 'tet', NULL),
    ('2018-02-17', 2018, 'tet', NULL),
    ('2018-02-18', 2018, 'tet', NULL),
    ('2018-02-19', 2018, 'tet', NULL),
    ('2018-02-20', 2018, 'compensatory', NULL),
    ('2018-02-21', 2018, 'compensatory', NULL),
    ('2018-04-25', 2018, 'hung_kings', NULL),
    ('2018-04-30', 2018, 'reunification', NULL),
    ('2018-05-01', 2018, 'labour_day', NULL),
    ('2018-09-02', 2018, 'national_day', NULL),
    ('2018-09-03', 2018, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2019, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2019-01-01', 2019, 'new_year', NULL),
    ('2019-02-04', 2019, 'tet', NULL),
    ('2019-02-05', 2019, 'tet', NULL),
    ('2019-02-06', 2019, 'tet', NULL),
    ('2019-02-07', 2019, 'tet', NULL),
    ('2019-02-08', 2019, 'tet', NULL),
    ('2019-04-14', 2019, 'hung_kings', NULL),
    ('2019-04-15', 2019, 'compensatory', NULL),
    ('2019-04-30', 2019, 'reunification', NULL),
    ('2019-05-01', 2019, 'labour_day', NULL),
    ('2019-09-02', 2019, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2020, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2020-01-01', 2020, 'new_year', NULL),
    ('2020-01-24', 2020, 'tet', NULL),
    ('2020-01-25', 2020, 'tet', NULL),
    ('2020-01-26', 2020, 'tet', NULL),
    ('2020-01-27', 2020, 'tet', NULL),
    ('2020-01-28', 2020, 'tet', NULL),
    ('2020-01-29', 2020, 'compensatory', NULL),
    ('2020-01-30', 2020, 'compensatory', NULL),
    ('2020-04-02', 2020, 'hung_kings', NULL),
    ('2020-04-30', 2020, 'reunification', NULL),
    ('2020-05-01', 2020, 'labour_day', NULL),
    ('2020-09-02', 2020, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2021, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2021-01-01', 2021, 'new_year', NULL),
    ('2021-02-11', 2021, 'tet', NULL),
    ('2021-02-12', 2021, 'tet', NULL),
    ('2021-02-13', 2021, 'tet', NULL),
    ('2021-02-14', 2021, 'tet', NULL),
    ('2021-02-15', 2021, 'tet', NULL),
    ('2021-02-16', 2021, 'compensatory', NULL),
    ('2021-02-17', 2021, 'compensatory', NULL),
    ('2021-04-21', 2021, 'hung_kings', NULL),
    ('2021-04-30', 2021, 'reunification', NULL),
    ('2021-05-01', 2021, 'labour_day', NULL),
    ('2021-05-03', 2021, 'compensatory', NULL),
    ('2021-09-02', 2021, 'national_day', NULL),
    ('2021-09-03', 2021, 'national_day_adjacent', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2022, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2022-01-01', 2022, 'new_year', NULL),
    ('2022-01-03', 2022, 'compensatory', NULL),
    ('2022-01-31', 2022, 'tet', NULL),
    ('2022-02-01', 2022, 'tet', NULL),
    ('2022-02-02', 2022, 'tet', NULL),
    ('2022-02-03', 2022, 'tet', NULL),
    ('2022-02-04', 2022, 'tet', NULL),
    ('2022-04-10', 2022, 'hung_kings', NULL),
    ('2022-04-11', 2022, 'compensatory', NULL),
    ('2022-04-30', 2022, 'reunification', NULL),
    ('2022-05-01', 2022, 'labour_day', NULL),
    ('2022-05-02', 2022, 'compensatory', NULL),
    ('2022-05-03', 2022, 'compensatory', NULL),
    ('2022-09-01', 2022, 'national_day_adjacent', NULL),
    ('2022-09-02', 2022, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2023, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2023-01-01', 2023, 'new_year', NULL),
    ('2023-01-02', 2023, 'compensatory', NULL),
    ('2023-01-21', 2023, 'tet', NULL),
    ('2023-01-22', 2023, 'tet', NULL),
    ('2023-01-23', 2023, 'tet', NULL),
    ('2023-01-24', 2023, 'tet', NULL),
    ('2023-01-25', 2023, 'tet', NULL),
    ('2023-01-26', 2023, 'compensatory', NULL),
    ('2023-01-27', 2023, 'compensatory', NULL),
    ('2023-04-29', 2023, 'hung_kings', NULL),
    ('2023-04-30', 2023, 'reunification', NULL),
    ('2023-05-01', 2023, 'labour_day', NULL),
    ('2023-05-02', 2023, 'compensatory', NULL),
    ('2023-05-03', 2023, 'compensatory', NULL),
    ('2023-09-01', 2023, 'national_day_adjacent', NULL),
    ('2023-09-02', 2023, 'national_day', NULL),
    ('2023-09-04', 2023, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2024, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2024-01-01', 2024, 'new_year', NULL),
    ('2024-02-09', 2024, 'tet', NULL),
    ('2024-02-10', 2024, 'tet', NULL),
    ('2024-02-11', 2024, 'tet', NULL),
    ('2024-02-12', 2024, 'tet', NULL),
    ('2024-02-13', 2024, 'tet', NULL),
    ('2024-02-14', 2024, 'compensatory', NULL),
    ('2024-02-15', 2024, 'compensatory', NULL),
    ('2024-04-18', 2024, 'hung_kings', NULL),
    ('2024-04-30', 2024, 'reunification', NULL),
    ('2024-05-01', 2024, 'labour_day', NULL),
    ('2024-09-02', 2024, 'national_day', NULL),
    ('2024-09-03', 2024, 'national_day_adjacent', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2025, 'decided', 'Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức, viên chức');
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2025-01-01', 2025, 'new_year', NULL),
    ('2025-01-27', 2025, 'tet', NULL),
    ('2025-01-28', 2025, 'tet', NULL),
    ('2025-01-29', 2025, 'tet', NULL),
    ('2025-01-30', 2025, 'tet', NULL),
    ('2025-01-31', 2025, 'tet', NULL),
    ('2025-04-07', 2025, 'hung_kings', NULL),
    ('2025-04-26', 2025, 'make_up_working_day', 'Làm bù cho thứ Sáu 2/5/2025'),
    ('2025-04-30', 2025, 'reunification', NULL),
    ('2025-05-01', 2025, 'labour_day', NULL),
    ('2025-05-02', 2025, 'swapped_day_off', 'Hoán đổi với thứ Bảy 26/4/2025'),
    ('2025-09-01', 2025, 'national_day_adjacent', NULL),
    ('2025-09-02', 2025, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2026, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2026-01-01', 2026, 'new_year', NULL),
    ('2026-02-16', 2026, 'tet', NULL),
    ('2026-02-17', 2026, 'tet', NULL),
    ('2026-02-18', 2026, 'tet', NULL),
    ('2026-02-19', 2026, 'tet', NULL),
    ('2026-02-20', 2026, 'tet', NULL),
    ('2026-04-26', 2026, 'hung_kings', NULL),
    ('2026-04-27', 2026, 'compensatory', NULL),
    ('2026-04-30', 2026, 'reunification', NULL),
    ('2026-05-01', 2026, 'labour_day', NULL),
    ('2026-09-02', 2026, 'national_day', NULL),
    ('2026-09-03', 2026, 'national_day_adjacent', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2027, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2027-01-01', 2027, 'new_year', NULL),
    ('2027-02-05', 2027, 'tet', NULL),
    ('2027-02-06', 2027, 'tet', NULL),
    ('2027-02-07', 2027, 'tet', NULL),
    ('2027-02-08', 2027, 'tet', NULL),
    ('2027-02-09', 2027, 'tet', NULL),
    ('2027-02-10', 2027, 'compensatory', NULL),
    ('2027-02-11', 2027, 'compensatory', NULL),
    ('2027-04-16', 2027, 'hung_kings', NULL),
    ('2027-04-30', 2027, 'reunification', NULL),
    ('2027-05-01', 2027, 'labour_day', NULL),
    ('2027-05-03', 2027, 'compensatory', NULL),
    ('2027-09-02', 2027, 'national_day', NULL),
    ('2027-09-03', 2027, 'national_day_adjacent', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2028, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2028-01-01', 2028, 'new_year', NULL),
    ('2028-01-03', 2028, 'compensatory', NULL),
    ('2028-01-25', 2028, 'tet', NULL),
    ('2028-01-26', 2028, 'tet', NULL),
    ('2028-01-27', 2028, 'tet', NULL),
    ('2028-01-28', 2028, 'tet', NULL),
    ('2028-01-29', 2028, 'tet', NULL),
    ('2028-01-31', 2028, 'compensatory', NULL),
    ('2028-04-04', 2028, 'hung_kings', NULL),
    ('2028-04-30', 2028, 'reunification', NULL),
    ('2028-05-01', 2028, 'labour_day', NULL),
    ('2028-05-02', 2028, 'compensatory', NULL),
    ('2028-09-01', 2028, 'national_day_adjacent', NULL),
    ('2028-09-02', 2028, 'national_day', NULL),
    ('2028-09-04', 2028, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2029, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2029-01-01', 2029, 'new_year', NULL),
    ('2029-02-12', 2029, 'tet', NULL),
    ('2029-02-13', 2029, 'tet', NULL),
    ('2029-02-14', 2029, 'tet', NULL),
    ('2029-02-15', 2029, 'tet', NULL),
    ('2029-02-16', 2029, 'tet', NULL),
    ('2029-04-23', 2029, 'hung_kings', NULL),
    ('2029-04-30', 2029, 'reunification', NULL),
    ('2029-05-01', 2029, 'labour_day', NULL),
    ('2029-09-02', 2029, 'national_day', NULL),
    ('2029-09-03', 2029, 'national_day_adjacent', NULL),
    ('2029-09-04', 2029, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2030, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2030-01-01', 2030, 'new_year', NULL),
    ('2030-02-01', 2030, 'tet', NULL),
    ('2030-02-02', 2030, 'tet', NULL),
    ('2030-02-03', 2030, 'tet', NULL),
    ('2030-02-04', 2030, 'tet', NULL),
    ('2030-02-05', 2030, 'tet', NULL),
    ('2030-02-06', 2030, 'compensatory', NULL),
    ('2030-02-07', 2030, 'compensatory', NULL),
    ('2030-04-12', 2030, 'hung_kings', NULL),
    ('2030-04-30', 2030, 'reunification', NULL),
    ('2030-05-01', 2030, 'labour_day', NULL),
    ('2030-09-02', 2030, 'national_day', NULL),
    ('2030-09-03', 2030, 'national_day_adjacent', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2031, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2031-01-01', 2031, 'new_year', NULL),
    ('2031-01-22', 2031, 'tet', NULL),
    ('2031-01-23', 2031, 'tet', NULL),
    ('2031-01-24', 2031, 'tet', NULL),
    ('2031-01-25', 2031, 'tet', NULL),
    ('2031-01-26', 2031, 'tet', NULL),
    ('2031-01-27', 2031, 'compensatory', NULL),
    ('2031-01-28', 2031, 'compensatory', NULL),
    ('2031-04-01', 2031, 'hung_kings', NULL),
    ('2031-04-30', 2031, 'reunification', NULL),
    ('2031-05-01', 2031, 'labour_day', NULL),
    ('2031-09-01', 2031, 'national_day_adjacent', NULL),
    ('2031-09-02', 2031, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2032, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2032-01-01', 2032, 'new_year', NULL),
    ('2032-02-10', 2032, 'tet', NULL),
    ('2032-02-11', 2032, 'tet', NULL),
    ('2032-02-12', 2032, 'tet', NULL),
    ('2032-02-13', 2032, 'tet', NULL),
    ('2032-02-14', 2032, 'tet', NULL),
    ('2032-02-16', 2032, 'compensatory', NULL),
    ('2032-04-19', 2032, 'hung_kings', NULL),
    ('2032-04-30', 2032, 'reunification', NULL),
    ('2032-05-01', 2032, 'labour_day', NULL),
    ('2032-05-03', 2032, 'compensatory', NULL),
    ('2032-09-02', 2032, 'national_day', NULL),
    ('2032-09-03', 2032, 'national_day_adjacent', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2033, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2033-01-01', 2033, 'new_year', NULL),
    ('2033-01-03', 2033, 'compensatory', NULL),
    ('2033-01-30', 2033, 'tet', NULL),
    ('2033-01-31', 2033, 'tet', NULL),
    ('2033-02-01', 2033, 'tet', NULL),
    ('2033-02-02', 2033, 'tet', NULL),
    ('2033-02-03', 2033, 'tet', NULL),
    ('2033-02-04', 2033, 'compensatory', NULL),
    ('2033-04-09', 2033, 'hung_kings', NULL),
    ('2033-04-11', 2033, 'compensatory', NULL),
    ('2033-04-30', 2033, 'reunification', NULL),
    ('2033-05-01', 2033, 'labour_day', NULL),
    ('2033-05-02', 2033, 'compensatory', NULL),
    ('2033-05-03', 2033, 'compensatory', NULL),
    ('2033-09-01', 2033, 'national_day_adjacent', NULL),
    ('2033-09-02', 2033, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2034, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2034-01-01', 2034, 'new_year', NULL),
    ('2034-01-02', 2034, 'compensatory', NULL),
    ('2034-02-18', 2034, 'tet', NULL),
    ('2034-02-19', 2034, 'tet', NULL),
    ('2034-02-20', 2034, 'tet', NULL),
    ('2034-02-21', 2034, 'tet', NULL),
    ('2034-02-22', 2034, 'tet', NULL),
    ('2034-02-23', 2034, 'compensatory', NULL),
    ('2034-02-24', 2034, 'compensatory', NULL),
    ('2034-04-28', 2034, 'hung_kings', NULL),
    ('2034-04-30', 2034, 'reunification', NULL),
    ('2034-05-01', 2034, 'labour_day', NULL),
    ('2034-05-02', 2034, 'compensatory', NULL),
    ('2034-09-01', 2034, 'national_day_adjacent', NULL),
    ('2034-09-02', 2034, 'national_day', NULL),
    ('2034-09-04', 2034, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2035, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2035-01-01', 2035, 'new_year', NULL),
    ('2035-02-07', 2035, 'tet', NULL),
    ('2035-02-08', 2035, 'tet', NULL),
    ('2035-02-09', 2035, 'tet', NULL),
    ('2035-02-10', 2035, 'tet', NULL),
    ('2035-02-11', 2035, 'tet', NULL),
    ('2035-02-12', 2035, 'compensatory', NULL),
    ('2035-02-13', 2035, 'compensatory', NULL),
    ('2035-04-17', 2035, 'hung_kings', NULL),
    ('2035-04-30', 2035, 'reunification', NULL),
    ('2035-05-01', 2035, 'labour_day', NULL),
    ('2035-09-02', 2035, 'national_day', NULL),
    ('2035-09-03', 2035, 'national_day_adjacent', NULL),
    ('2035-09-04', 2035, 'compensatory', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2036, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2036-01-01', 2036, 'new_year', NULL),
    ('2036-01-27', 2036, 'tet', NULL),
    ('2036-01-28', 2036, 'tet', NULL),
    ('2036-01-29', 2036, 'tet', NULL),
    ('2036-01-30', 2036, 'tet', NULL),
    ('2036-01-31', 2036, 'tet', NULL),
    ('2036-02-01', 2036, 'compensatory', NULL),
    ('2036-04-06', 2036, 'hung_kings', NULL),
    ('2036-04-07', 2036, 'compensatory', NULL),
    ('2036-04-30', 2036, 'reunification', NULL),
    ('2036-05-01', 2036, 'labour_day', NULL),
    ('2036-09-01', 2036, 'national_day_adjacent', NULL),
    ('2036-09-02', 2036, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2037, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2037-01-01', 2037, 'new_year', NULL),
    ('2037-02-14', 2037, 'tet', NULL),
    ('2037-02-15', 2037, 'tet', NULL),
    ('2037-02-16', 2037, 'tet', NULL),
    ('2037-02-17', 2037, 'tet', NULL),
    ('2037-02-18', 2037, 'tet', NULL),
    ('2037-02-19', 2037, 'compensatory', NULL),
    ('2037-02-20', 2037, 'compensatory', NULL),
    ('2037-04-24', 2037, 'hung_kings', NULL),
    ('2037-04-30', 2037, 'reunification', NULL),
    ('2037-05-01', 2037, 'labour_day', NULL),
    ('2037-09-02', 2037, 'national_day', NULL),
    ('2037-09-03', 2037, 'national_day_adjacent', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2038, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2038-01-01', 2038, 'new_year', NULL),
    ('2038-02-03', 2038, 'tet', NULL),
    ('2038-02-04', 2038, 'tet', NULL),
    ('2038-02-05', 2038, 'tet', NULL),
    ('2038-02-06', 2038, 'tet', NULL),
    ('2038-02-07', 2038, 'tet', NULL),
    ('2038-02-08', 2038, 'compensatory', NULL),
    ('2038-02-09', 2038, 'compensatory', NULL),
    ('2038-04-13', 2038, 'hung_kings', NULL),
    ('2038-04-30', 2038, 'reunification', NULL),
    ('2038-05-01', 2038, 'labour_day', NULL),
    ('2038-05-03', 2038, 'compensatory', NULL),
    ('2038-09-02', 2038, 'national_day', NULL),
    ('2038-09-03', 2038, 'national_day_adjacent', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2039, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2039-01-01', 2039, 'new_year', NULL),
    ('2039-01-03', 2039, 'compensatory', NULL),
    ('2039-01-23', 2039, 'tet', NULL),
    ('2039-01-24', 2039, 'tet', NULL),
    ('2039-01-25', 2039, 'tet', NULL),
    ('2039-01-26', 2039, 'tet', NULL),
    ('2039-01-27', 2039, 'tet', NULL),
    ('2039-01-28', 2039, 'compensatory', NULL),
    ('2039-04-03', 2039, 'hung_kings', NULL),
    ('2039-04-04', 2039, 'compensatory', NULL),
    ('2039-04-30', 2039, 'reunification', NULL),
    ('2039-05-01', 2039, 'labour_day', NULL),
    ('2039-05-02', 2039, 'compensatory', NULL),
    ('2039-05-03', 2039, 'compensatory', NULL),
    ('2039-09-01', 2039, 'national_day_adjacent', NULL),
    ('2039-09-02', 2039, 'national_day', NULL);
INSERT INTO calendar_years (year, source, decision) VALUES (2040, 'computed', NULL);
INSERT INTO calendar_days (day, year, kind, note) VALUES
    ('2040-01-01', 2040, 'new_year', NULL),
    ('2040-01-02', 2040, 'compensatory', NULL),
    ('2040-02-11', 2040, 'tet', NULL),
    ('2040-02-12', 2040, 'tet', NULL),
    ('2040-02-13', 2040, 'tet', NULL),
    ('2040-02-14', 2040, 'tet', NULL),
    ('2040-02-15', 2040, 'tet', NULL),
    ('2040-02-16', 2040, 'compensatory', NULL),
    ('2040-02-17', 2040, 'compensatory', NULL),
    ('2040-04-20', 2040, 'hung_kings', NULL),
    ('2040-04-30', 2040, 'reunification', NULL),
    ('2040-05-01', 2040, 'labour_day', NULL),
    ('2040-09-02', 2040, 'national_day', NULL),
    ('2040-09-03', 2040, 'national_day_adjacent', NULL),
    ('2040-09-04', 2040, 'compensatory', NULL);

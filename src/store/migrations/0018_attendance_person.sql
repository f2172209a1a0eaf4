-- An organisation's page (store/directory_merge.rs) starts from its people: the meetings
-- they were asked to, and the projects of those meetings. Attendance was indexed by
-- meeting only (its UNIQUE (meeting_id, person_id)), so finding one person's meetings
-- read every attendance row: 45 ms for a page at the large demo's 110,000 rows.
CREATE INDEX IF NOT EXISTS attendance_person ON attendance(person_id);

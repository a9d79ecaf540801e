-- The deployed data set: 7 locations and 22 lockers.
INSERT INTO locker_locations (location_id, name) VALUES
    (1, '공학관 1층'),
    (2, '이학관 2층'),
    (3, '경영관 1층'),
    (4, '인문관 3층'),
    (5, '법학관 1층'),
    (6, '학생회관 2층'),
    (7, '중앙도서관 지하 1층');

INSERT INTO locker_info (locker_id, location_id)
SELECT id, id / 100
FROM (VALUES (101), (102), (103), (104), (105), (106),
             (201), (202),
             (301), (302), (303), (304),
             (401), (402), (403), (404),
             (501), (502), (503),
             (601), (602), (603)) AS lockers (id);

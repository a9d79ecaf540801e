-- The deployed data set (docs/deployed-service.md §10): 7 locations and 22 lockers, none owned, and no users.
-- The hundreds digit of a locker is not its location: 104-106 are in location 2, 201-202 in location 3, ...
INSERT INTO locker_locations (location_id, name) VALUES
    (1, '정보관 B1 엘리베이터 옆1'),
    (2, '정보관 B1 엘리베이터 옆2'),
    (3, '정보관 B1 기계실 옆'),
    (4, '정보관 2층'),
    (5, '정보관 3층'),
    (6, '과학도서관 6층 620호 옆'),
    (7, '과학도서관 6층 614호 옆');

INSERT INTO locker_info (locker_id, location_id) VALUES
    (101, 1), (102, 1), (103, 1),
    (104, 2), (105, 2), (106, 2),
    (201, 3), (202, 3),
    (301, 4), (302, 4), (303, 4), (304, 4),
    (401, 5), (402, 5), (403, 5), (404, 5),
    (501, 6), (502, 6), (503, 6),
    (601, 7), (602, 7), (603, 7);

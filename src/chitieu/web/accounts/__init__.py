"""Users and their roles: quản trị, tổng hợp, nhập liệu (per department), xem."""

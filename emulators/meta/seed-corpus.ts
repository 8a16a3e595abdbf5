// Vietnamese names and shop conversations used to seed realistic threads.

export const FAMILY_NAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
] as const;

export const GIVEN_NAMES = [
  "Thị Hoa",
  "Văn Nam",
  "Minh Tuấn",
  "Thu Trang",
  "Ngọc Anh",
  "Quốc Bảo",
  "Thanh Hương",
  "Hải Yến",
  "Đức Thắng",
  "Mai Linh",
  "Gia Huy",
  "Bảo Ngọc",
  "Phương Thảo",
  "Tuấn Kiệt",
  "Khánh Vy",
  "Hoài Thương",
  "Minh Khôi",
  "Thùy Dung",
  "Văn Hùng",
  "Kim Chi",
  "Hồng Nhung",
  "Anh Dũng",
  "Lan Anh",
  "Trọng Nghĩa",
] as const;

/** A short exchange; "c" lines are the customer's, "p" lines the page's. */
export type Exchange = ReadonlyArray<readonly ["c" | "p", string]>;

export const EXCHANGES: readonly Exchange[] = [
  [
    ["c", "Shop ơi, mẫu này còn size M không ạ?"],
    ["p", "Dạ còn ạ, chị muốn lấy màu nào ạ?"],
    ["c", "Màu be nha shop"],
    ["p", "Dạ vâng, chị cho em xin tên, số điện thoại và địa chỉ nhận hàng nhé"],
  ],
  [
    ["c", "Cho mình hỏi giá sản phẩm này bao nhiêu vậy?"],
    ["p", "Dạ sản phẩm bên em giá 350.000đ ạ, đang giảm 10% cho đơn đầu tiên"],
    ["c", "Phí ship về Đà Nẵng bao nhiêu shop?"],
    ["p", "Dạ phí ship 30.000đ, đơn trên 500.000đ được miễn phí ship ạ"],
  ],
  [
    ["c", "Đơn hàng của mình đặt hôm thứ hai đến đâu rồi shop?"],
    ["p", "Dạ chị đợi em kiểm tra một chút nhé"],
    ["p", "Đơn của chị đã giao cho bên vận chuyển, dự kiến mai chị nhận được ạ"],
    ["c", "Ok cảm ơn shop"],
  ],
  [
    ["c", "Shop có giao hàng COD không?"],
    ["p", "Dạ có ạ, chị nhận hàng kiểm tra rồi mới thanh toán nhé"],
    ["c", "Vậy lấy cho mình 2 cái nhé"],
  ],
  [
    ["c", "Hàng mình nhận bị lỗi đường may, đổi được không shop?"],
    ["p", "Dạ em xin lỗi chị ạ. Chị chụp giúp em ảnh sản phẩm nhé"],
    ["c", "Đây nha shop"],
    ["p", "Dạ em đã nhận, bên em sẽ đổi mới miễn phí cho chị trong tuần này ạ"],
    ["c", "Cảm ơn shop nhiều"],
  ],
  [
    ["c", "Tuần này shop có chương trình khuyến mãi gì không?"],
    ["p", "Dạ cuối tuần này bên em có mua 2 tặng 1 ạ"],
    ["c", "Hay quá, để mình xem thêm"],
  ],
  [
    ["c", "Sản phẩm này dùng cho da nhạy cảm được không ạ?"],
    ["p", "Dạ được ạ, thành phần lành tính, chị nên thử trước ở vùng da nhỏ nhé"],
    ["c", "Dạ em cảm ơn"],
  ],
  [
    ["c", "Mình chuyển khoản rồi nha shop"],
    ["p", "Dạ em nhận được rồi ạ, em gửi hàng ngay trong hôm nay"],
  ],
  [
    ["c", "Shop ơi còn hàng không?"],
    ["c", "Mình cần gấp trong tuần này"],
    ["p", "Dạ còn ạ, nội thành giao trong ngày luôn chị nhé"],
  ],
  [
    ["c", "Mình muốn đặt số lượng lớn để làm quà tặng công ty, có giá sỉ không shop?"],
    ["p", "Dạ có ạ, từ 20 sản phẩm bên em giảm 15%. Anh cho em xin số lượng cụ thể nhé"],
    ["c", "Khoảng 50 cái, có in logo được không?"],
    ["p", "Dạ được ạ, in logo thêm 5.000đ mỗi sản phẩm"],
  ],
];

/** Closing lines so every seeded thread ends with the customer, which is what the reply window counts. */
export const CUSTOMER_LAST_WORDS = [
  "Shop ơi trả lời mình với",
  "Cho mình hỏi thêm chút nữa nhé",
  "Shop còn đó không ạ?",
  "Mình đặt thêm 1 cái nữa được không?",
  "Hôm nay shop có mở cửa không?",
  "Cảm ơn shop, mình sẽ ủng hộ tiếp",
] as const;

// Application attributes the shop's services add to their spans.
export const ATTR_USER_ID = "user.id";
export const ATTR_ORDER_ID = "app.order.id";

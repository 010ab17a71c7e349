"""Hotels: bookings whose dates make sense."""

from __future__ import annotations

from coord import model as m
from coord.checks import Reporter, check


@check("bookings", reads=("hotels",))
def bookings(folder: m.ProductionFolder, out: Reporter) -> None:
    for hotel in folder.hotels:
        for booking in hotel.bookings:
            if booking.check_in and booking.check_out and booking.check_out <= booking.check_in:
                out.error(
                    booking.at("check_out"),
                    f"check-out {booking.check_out} is not after check-in {booking.check_in}",
                    "check the dates",
                )
